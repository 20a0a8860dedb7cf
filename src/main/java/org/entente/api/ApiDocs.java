package org.entente.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * The OpenAPI description (served at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}) and the
 * problem-detail responses the controllers declare. Errors are RFC 9457 problem details
 * ({@code application/problem+json}); see {@link ApiExceptionHandler}.
 */
@Component
@OpenAPIDefinition(info = @Info(title = "Entente API", version = "0.1.0",
        description = "An event-sourced diplomatic relations simulator: every dated fact of a relation is an immutable event"
                + " with its date's precision and its source; a projection answers the relation's status at any date."
                + " Errors are RFC 9457 problem details (application/problem+json): 400 names the bad `parameter`,"
                + " 404 names the unknown `relation`. Reading is open; writing needs an editor (HTTP Basic)."))
@SecurityScheme(name = ApiDocs.EDITOR_AUTH, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "An editor's account (entente.security.users); writes only")
public class ApiDocs {

    /** The security scheme of the write operations. */
    public static final String EDITOR_AUTH = "editor";

    public static final String PROBLEM_JSON = "application/problem+json";

    /**
     * The body of every error, as {@link org.springframework.http.ProblemDetail} writes it (RFC 9457), with this
     * API's extension members. Only a description for the OpenAPI document; the handlers return ProblemDetail.
     */
    @Schema(name = "ProblemDetail", description = "An RFC 9457 problem detail (application/problem+json)")
    public record Problem(
            @Schema(description = "A URI reference naming the kind of problem", example = "/problems/bad-request") String type,
            @Schema(description = "A short summary of the kind of problem", example = "Bad request") String title,
            @Schema(description = "The HTTP status code", example = "400") int status,
            @Schema(description = "What went wrong with this request", example = "at must be a day (YYYY-MM-DD), got '2010'") String detail,
            @Schema(description = "The request path", example = "/api/relations/israel-nato/status") String instance,
            @Schema(description = "400 only: the request parameter that is missing, malformed or impossible", example = "at") String parameter,
            @Schema(description = "404 only: the relation id that is unknown", example = "nope") String relation,
            @Schema(description = "404 only: the scenario id that is unknown", example = "nope") String scenario,
            @Schema(description = "Invalid scenario only: the file, or \"request body\"", example = "request body") String file,
            @Schema(description = "Invalid scenario only: the line of the scenario text at fault", example = "6") Integer line,
            @Schema(description = "Invalid scenario only: the field at fault", example = "changes[0]") String field,
            @Schema(description = "409 only: the rule the request breaks", example = "NO_VETO_IN_FORCE") String rule,
            @Schema(description = "409 only: the rule, in a sentence") String ruleStatement,
            @Schema(description = "409 only: the fact refused", example = "navy-joins-task-force-2012") String fact,
            @Schema(description = "409 only: the recorded facts that block it") java.util.List<String> blockingFacts) {
    }

    /** 400: a malformed or impossible parameter; the body's {@code parameter} names it. */
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @ApiResponse(responseCode = "400", description = "Bad request: a parameter is missing, malformed or impossible;"
            + " the problem detail's `parameter` names it and `detail` says why",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ApiDocs.Problem.class)))
    public @interface BadRequest {
    }

    /** 404: no relation has this id; the body's {@code relation} names it. */
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @ApiResponse(responseCode = "404", description = "Unknown relation: the problem detail's `relation` names the id asked for",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ApiDocs.Problem.class)))
    public @interface NotFound {
    }

    /** 404: no shipped scenario has this id; the body's {@code scenario} names it. */
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @ApiResponse(responseCode = "404", description = "Unknown scenario: the problem detail's `scenario` names the id asked for",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ApiDocs.Problem.class)))
    public @interface ScenarioNotFound {
    }

    /** 400: a scenario that cannot run as written; the body names its {@code file}, {@code line} and {@code field}. */
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @ApiResponse(responseCode = "400", description = "Invalid scenario (malformed YAML/JSON, an unknown fact, an impossible"
            + " date, over a limit…): the problem detail names the `file` (\"request body\"), `line` and `field`",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ApiDocs.Problem.class)))
    public @interface InvalidScenario {
    }

    /** A write: editors only, by HTTP Basic; 401 without (valid) credentials, 403 without the editor role or with writing disabled. */
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @SecurityRequirement(name = EDITOR_AUTH)
    @ApiResponse(responseCode = "401", description = "No or wrong credentials: writing needs an editor's account (HTTP Basic)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ApiDocs.Problem.class)))
    @ApiResponse(responseCode = "403", description = "Not an editor, or writing is disabled (no editor configured; the detail"
            + " says how to enable it)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ApiDocs.Problem.class)))
    public @interface EditorOnly {
    }

    /** 409: the rules refuse what the request would record; the body names the {@code rule} and the blocking facts. */
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @ApiResponse(responseCode = "409", description = "A rule refuses it: the problem detail names the `rule`, its statement, the"
            + " `fact` and the `blockingFacts`",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ApiDocs.Problem.class)))
    public @interface RuleViolation {
    }

    /** 409 for a write with If-Match: a rule refuses it, or the relation has moved on since it was read. */
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @ApiResponse(responseCode = "409", description = "A rule refuses it: the problem detail names the `rule`, its statement, the"
            + " `fact` and the `blockingFacts`. Or the relation is not at the version If-Match expected: `currentVersion`"
            + " (also the ETag) says at which it is; read it again and retry.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ApiDocs.Problem.class)))
    public @interface RuleViolationOrVersionConflict {
    }
}
