package org.entente.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.entente.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description at /v3/api-docs lists exactly the endpoints the application's controllers map (taken
 * from Spring MVC's own handler mapping, so the test cannot drift), each with a summary, and every error it
 * documents is the problem detail the endpoint really answers.
 */
class ApiDocsTest extends ApplicationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** "GET /api/relations/{id}/status" for every endpoint of the application's own controllers. */
    private Set<String> mappedEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.entente")) {
                return;
            }
            assertThat(info.getMethodsCondition().getMethods()).as("%s declares its HTTP method", handler).isNotEmpty();
            info.getPatternValues().forEach(pattern -> info.getMethodsCondition().getMethods()
                    .forEach(method -> endpoints.add(method.name() + " " + pattern)));
        });
        return endpoints;
    }

    private Set<String> documentedEndpoints(JsonNode docs) {
        Set<String> endpoints = new TreeSet<>();
        docs.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> endpoints.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return endpoints;
    }

    @Test
    void everyControllerEndpointIsDocumentedAndNothingElse() {
        Set<String> mapped = mappedEndpoints();
        assertThat(mapped).contains("GET /api/relations/{id}/status", "GET /api/relations/{id}/replay");
        assertThat(documentedEndpoints(get("/v3/api-docs"))).isEqualTo(mapped);
    }

    @Test
    void everyOperationIsDescribedWithItsProblemResponses() {
        JsonNode docs = get("/v3/api-docs");
        docs.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey() + " " + path.getKey();
            JsonNode operation = op.getValue();
            assertThat(operation.path("summary").asText()).as("%s has a summary", name).isNotBlank();
            JsonNode responses = operation.get("responses");
            assertThat(responses.fieldNames()).toIterable().as("%s documents its success", name).anyMatch(code -> code.startsWith("2"));
            if (path.getKey().contains("{id}")) {
                assertProblem(name, responses.get("404"));
            }
            operation.path("parameters").forEach(parameter -> {
                if (parameter.get("in").asText().equals("query")) {
                    assertProblem(name, responses.get("400"));
                }
            });
        }));
        // A request body can be wrong too: the operations that take one document their 400.
        docs.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getValue().has("requestBody")) {
                assertProblem(op.getKey() + " " + path.getKey(), op.getValue().at("/responses/400"));
            }
        }));
        JsonNode problem = docs.at("/components/schemas/ProblemDetail/properties");
        assertThat(problem.fieldNames()).toIterable()
                .contains("type", "title", "status", "detail", "instance", "parameter", "relation", "scenario", "file", "line", "field", "rule", "fact", "blockingFacts");
    }

    private static void assertProblem(String operation, JsonNode response) {
        assertThat(response).as("%s documents its problem response", operation).isNotNull();
        assertThat(response.isMissingNode()).as("%s documents its problem response", operation).isFalse();
        assertThat(response.at("/content/application~1problem+json/schema/$ref").asText())
                .as("%s: problem+json body", operation).isEqualTo("#/components/schemas/ProblemDetail");
    }

    /** What the document promises is what the endpoint does: each documented 404 and 400 really happens. */
    @Test
    void theDocumentedProblemsAreTheRealOnes() {
        JsonNode docs = get("/v3/api-docs");
        docs.get("paths").fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().get("get");
            if (get == null) {
                return;
            }
            StringBuilder good = new StringBuilder();
            StringBuilder bad = new StringBuilder();
            get.path("parameters").forEach(parameter -> {
                if (parameter.get("in").asText().equals("query")) {
                    String name = parameter.get("name").asText();
                    good.append(good.isEmpty() ? "?" : "&").append(name).append('=').append(switch (name) {
                        case "at" -> "2011-01-01";
                        case "knownAt" -> "2100-01-01T00:00:00Z";
                        default -> "1";
                    });
                    bad.append(bad.isEmpty() ? "?" : "&").append(name).append("=not-valid");
                }
            });
            if (get.at("/responses/404").isObject()) {
                ResponseEntity<String> response = http.getForEntity(path.getKey().replace("{id}", "nope") + good, String.class);
                assertThat(response.getStatusCode()).as(path.getKey()).isEqualTo(HttpStatus.NOT_FOUND);
                assertThat(response.getHeaders().getContentType().toString()).isEqualTo(ApiDocs.PROBLEM_JSON);
                JsonNode problem = body(response);
                assertThat(problem.path(path.getKey().startsWith("/api/scenarios") ? "scenario" : "relation").asText())
                        .as(path.getKey()).isEqualTo("nope");
            }
            if (get.at("/responses/400").isObject()) {
                ResponseEntity<String> response = http.getForEntity(path.getKey().replace("{id}", "israel-nato") + bad, String.class);
                assertThat(response.getStatusCode()).as(path.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(response.getHeaders().getContentType().toString()).isEqualTo(ApiDocs.PROBLEM_JSON);
                assertThat(body(response).get("parameter").asText()).isNotBlank();
            }
        });
    }

    /** Every write documents that it needs an editor, and anonymously it really answers 401 with a problem detail. */
    @Test
    void theWritesDocumentTheirCredentialsAndTheirRefusals() {
        JsonNode docs = get("/v3/api-docs");
        assertThat(docs.at("/components/securitySchemes/" + ApiDocs.EDITOR_AUTH + "/scheme").asText()).isEqualTo("basic");
        List<String> writes = new ArrayList<>();
        docs.get("paths").fields().forEachRemaining(path -> {
            JsonNode post = path.getValue().get("post");
            if (post == null || !post.has("security")) {
                return;
            }
            writes.add(path.getKey());
            assertProblem("post " + path.getKey(), post.at("/responses/401"));
            assertProblem("post " + path.getKey(), post.at("/responses/403"));
            String url = path.getKey().replace("{id}", "israel-nato").replace("{factId}", "turkey-veto-2010");
            org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
            headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
            ResponseEntity<String> anonymous = http.postForEntity(url, new org.springframework.http.HttpEntity<>("{}", headers), String.class);
            assertThat(anonymous.getStatusCode()).as(url).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(anonymous.getHeaders().getContentType().toString()).as(url).isEqualTo(ApiDocs.PROBLEM_JSON);
        });
        assertThat(writes).contains("/api/relations/{id}/facts", "/api/relations/{id}/facts/{factId}/corrections",
                "/api/admin/projections/status/replay");
        // The recording endpoints name the rule they refuse by.
        assertProblem("record", docs.at("/paths/~1api~1relations~1{id}~1facts/post/responses/409"));
        // A replay can be refused too (one already running, or segments held by another node).
        assertProblem("replay", docs.at("/paths/~1api~1admin~1projections~1status~1replay/post/responses/409"));
    }

    @Test
    void theDocumentedInvalidScenarioIsTheRealOne() {
        JsonNode run = get("/v3/api-docs").at("/paths/~1api~1scenarios~1run/post");
        assertThat(run.at("/responses/400").isObject()).isTrue();
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.parseMediaType("application/yaml"));
        ResponseEntity<String> response = http.postForEntity("/api/scenarios/run",
                new org.springframework.http.HttpEntity<>("id: x\n  bad: [", headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo(ApiDocs.PROBLEM_JSON);
        JsonNode problem = body(response);
        assertThat(problem.get("file").asText()).isEqualTo("request body");
        assertThat(problem.get("line").asInt()).isEqualTo(2);
    }

    @Test
    void swaggerUiIsServedFromTheApplication() {
        ResponseEntity<String> ui = http.getForEntity("/swagger-ui/index.html", String.class);
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ui.getBody()).contains("swagger-ui");
        ResponseEntity<String> config = http.getForEntity("/v3/api-docs/swagger-config", String.class);
        assertThat(body(config).get("url").asText()).isEqualTo("/v3/api-docs");
    }
}
