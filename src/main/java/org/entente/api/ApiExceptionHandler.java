package org.entente.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.entente.recording.RuleViolationException;
import org.entente.relation.rules.Rejection;
import org.entente.replay.ReplayRefusedException;
import org.entente.whatif.InvalidScenarioException;
import org.entente.whatif.ScenarioLimitException;
import org.entente.whatif.UnknownScenarioException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where errors become RFC 9457 problem details: 400 bad input (naming the parameter),
 * 404 unknown relation, 409 a rule refused the request, the relation is not at the version If-Match expected, or a
 * replay cannot run from this node. Spring MVC's own errors (a missing parameter, an unreadable body, an unknown
 * path) are answered as problem details by the base class.
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

    /** A rule refused a recording: 409, naming the rule, the fact and the facts that block it. */
    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleViolation(RuleViolationException e) {
        Rejection rejection = e.rejection();
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "rule-violation", "Rule broken: " + rejection.rule(), rejection.reason());
        problem.setProperty("rule", rejection.rule().name());
        problem.setProperty("ruleStatement", rejection.rule().statement());
        problem.setProperty("fact", rejection.factId());
        problem.setProperty("blockingFacts", rejection.blockingFacts());
        return problem;
    }

    /**
     * The relation is not at the version the editor's If-Match expected (another write came first): 409, with the
     * current version in the body and as the ETag, so that the editor can read the relation again and decide anew.
     */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> versionConflict(ConflictingAggregateVersionException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "version-conflict", "Version conflict",
                "relation '" + e.getAggregateIdentifier() + "' is at version " + e.getActualVersion() + ", not at version "
                        + e.getExpectedVersion() + " as If-Match expected: it changed since it was read. Nothing was recorded;"
                        + " read it again (GET /api/relations/" + e.getAggregateIdentifier() + ") and send the write with the new version.");
        problem.setProperty("relation", String.valueOf(e.getAggregateIdentifier()));
        problem.setProperty("expectedVersion", e.getExpectedVersion());
        problem.setProperty("currentVersion", e.getActualVersion());
        return ResponseEntity.status(HttpStatus.CONFLICT).eTag(Versions.entityTag(e.getActualVersion()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Two writes of the same relation reached the event store at once and this one lost (several nodes): 409. */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentWrite(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-write", "Concurrent write",
                "another write of the same relation was stored first; nothing was recorded. Read the relation again and retry.");
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
        return scenarioProblem(problem(HttpStatus.BAD_REQUEST, "invalid-scenario", "Invalid scenario", e.getMessage()), e);
    }

    /**
     * A scenario that asks for more than a configured limit allows (changes, facts, samples, run time): 422,
     * naming the limit's property as {@code limit}, and the file, line and field.
     */
    @ExceptionHandler(ScenarioLimitException.class)
    ProblemDetail scenarioOverLimit(ScenarioLimitException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "scenario-limit", "Scenario over a limit", e.getMessage());
        problem.setProperty("limit", e.limit());
        return scenarioProblem(problem, e);
    }

    private static ProblemDetail scenarioProblem(ProblemDetail problem, InvalidScenarioException e) {
        problem.setProperty("file", e.file());
        if (e.line() > 0) {
            problem.setProperty("line", e.line());
        }
        problem.setProperty("field", e.field());
        return problem;
    }

    /** An unreadable or mistyped body: 400, naming the field where the JSON went wrong when it can. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.TooLarge tooLarge) {
                ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large", "Request too large", tooLarge.getMessage());
                problem.setProperty("parameter", "body");
                problem.setProperty("limit", "entente.http.max-request-size");
                problem.setProperty("maxBytes", tooLarge.maxBytes());
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
            }
        }
        String field = "body";
        String detail = "the request body is not valid JSON of the expected shape";
        if (e.getCause() instanceof JsonMappingException mapping) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            detail = field + ": " + explain(mapping);
        } else if (e.getCause() instanceof JsonProcessingException parsing) {
            detail = "the request body is not valid JSON: " + parsing.getOriginalMessage();
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail);
        problem.setProperty("parameter", field);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(ReplayRefusedException.class)
    ProblemDetail replayRefused(ReplayRefusedException e) {
        return problem(HttpStatus.CONFLICT, "replay-refused", "Replay refused", e.getMessage());
    }

    private static final Pattern GOT = Pattern.compile("from (Object|Array|Integer|Floating-point|String|Boolean|Null) value");

    /**
     * What was wrong with a JSON value, in the API's words: Jackson's own messages name Java types
     * ({@code java.util.LinkedHashMap<java.lang.String,...>}), which say nothing to a client and show the insides.
     */
    private static String explain(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return "unknown field; the fields are " + unknown.getKnownPropertyIds();
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String got = "";
            if (mismatch instanceof InvalidFormatException format && format.getValue() != null) {
                got = ", got '" + format.getValue() + "'";
            } else {
                Matcher matcher = GOT.matcher(String.valueOf(mismatch.getOriginalMessage()));
                if (matcher.find()) {
                    got = ", got " + switch (matcher.group(1)) {
                        case "Object" -> "an object";
                        case "Array" -> "a list";
                        case "Integer", "Floating-point" -> "a number";
                        case "String" -> "a text";
                        case "Boolean" -> "true or false";
                        default -> "null";
                    };
                }
            }
            return "expected " + kind(mismatch.getTargetType()) + got;
        }
        return "not a value of the expected shape";
    }

    private static String kind(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a text";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "an object";
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }
}
