package org.entente.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;

/** 401 and 403 as RFC 9457 problem details, written by the security filters. */
@Component
public class ProblemResponses {

    static final String HOW_TO_ENABLE = "Set entente.security.users[0].username and entente.security.users[0].password-hash"
            + " (a bcrypt hash made with `java -jar target/entente.jar password-hash`), for example as the environment variables"
            + " ENTENTE_SECURITY_USERS_0_USERNAME and ENTENTE_SECURITY_USERS_0_PASSWORD_HASH.";

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"entente\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
                "writing needs an editor's credentials (HTTP Basic); " + (e == null ? "none were given" : e.getMessage()));
    }

    public void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "writing needs the editor role");
    }

    /** A request whose URL Spring Security's firewall refuses (an encoded line break, semicolon, percent sign, ...). */
    public void rejected(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request's URL is refused: it holds characters or sequences that are not allowed in a path");
        problem.setType(URI.create("/problems/bad-request"));
        problem.setTitle("Bad request");
        problem.setProperty("parameter", "path");
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    void writesDisabled(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "writes-disabled", "Writing is disabled",
                "no editor is configured, so nothing can be recorded. " + HOW_TO_ENABLE);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type, String title,
                       String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
