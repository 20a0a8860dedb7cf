package org.entente.api;

import java.net.URI;
import org.entente.whatif.InvalidScenarioException;
import org.entente.whatif.UnknownScenarioException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where errors become RFC 9457 problem details: 400 bad input (naming the parameter),
 * 404 unknown relation, 409 a rule refused the request. Spring MVC's own errors (a missing parameter, an
 * unreadable body, an unknown path) are answered as problem details by the base class.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e.getMessage());
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler(UnknownRelationException.class)
    ProblemDetail unknownRelation(UnknownRelationException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "unknown-relation", "Unknown relation", e.getMessage());
        problem.setProperty("relation", e.relationId());
        return problem;
    }

    @ExceptionHandler(UnknownScenarioException.class)
    ProblemDetail unknownScenario(UnknownScenarioException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "unknown-scenario", "Unknown scenario", e.getMessage());
        problem.setProperty("scenario", e.scenarioId());
        return problem;
    }

    /** A scenario that cannot run as written: 400, naming the file (or "request body"), line and field. */
    @ExceptionHandler(InvalidScenarioException.class)
    ProblemDetail invalidScenario(InvalidScenarioException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-scenario", "Invalid scenario", e.getMessage());
        problem.setProperty("file", e.file());
        if (e.line() > 0) {
            problem.setProperty("line", e.line());
        }
        problem.setProperty("field", e.field());
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }
}
