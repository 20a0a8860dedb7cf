package org.entente.docs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import org.entente.cli.EntenteCli;

/**
 * Runs the commands a document shows in its checked blocks and compares what they print with what the
 * document shows.
 *
 * <p>A checked block is a fenced block whose info string has the word {@code check} (```` ```console check ````).
 * In it, a line starting with {@code $ } is a command (a line ending in {@code \} continues it); the lines up
 * to the next command are its shown output. The commands that can be checked, and how:
 * <ul>
 *   <li>{@code curl} to {@code localhost:8080} ({@code -s}, {@code -X}, {@code -u}, {@code -H}, {@code -d},
 *       {@code --data-binary @FILE}, {@code -o /dev/null}, {@code -w '%{http_code}\n'}): the request is sent to
 *       the test application;</li>
 *   <li>{@code java -jar target/entente.jar ...}: the command line, in-process ({@link EntenteCli#run});</li>
 *   <li>{@code java -cp .../h2-VERSION.jar org.h2.tools.Shell ... -sql "..."}: H2's own shell on the test
 *       application's database (the jar's version must be the one on the classpath);</li>
 *   <li>piped into {@code jq [-c] [-r] FILTER} (jq 1.6, by jackson-jq) or, after curl, {@code sha256sum}.</li>
 * </ul>
 * Any other command fails the check, so a checked block cannot hold a command nobody runs.
 *
 * <p>What may differ between the shown and the real output, and nothing else:
 * <ul>
 *   <li>an ISO-8601 instant (a record time such as {@code 2026-11-22T03:49:46.444Z}) matches any instant; the
 *       n-th instant shown stands for the n-th instant printed, and when it appears in a later command of the
 *       same document it is replaced by that real instant;</li>
 *   <li>the milliseconds in H2's {@code (1 row, 50 ms)};</li>
 *   <li>spaces at the end of a line, and JSON formatting: when both outputs are JSON, they are compared as
 *       JSON values (jq and Jackson indent differently).</li>
 * </ul>
 * A GET, or an H2 SELECT, is repeated until it matches or {@code patience} runs out: the status
 * projection is updated a moment after a write, as for a reader who runs the commands by hand.
 */
final class ShownCommands {

    /** A command shown in a document, with the output shown under it. */
    record Step(String doc, int line, String command, String shown) {
    }

    private record Output(String text, List<JsonNode> json) {
    }

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?Z");
    private static final Pattern H2_TIMING = Pattern.compile("\\((\\d+ rows?), \\d+ ms\\)");
    private static final Pattern LOCAL_URL = Pattern.compile("(?:http://)?localhost:8080(/.*)");
    private static final Path ROOT = Path.of("").toAbsolutePath();

    private final int port;
    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Duration patience;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Scope jq = Scope.newEmptyScope();

    ShownCommands(int port, DataSource dataSource, ObjectMapper json, Duration patience) {
        this.port = port;
        this.dataSource = dataSource;
        this.json = json;
        this.patience = patience;
        BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, jq);
    }

    /** The commands of the document's checked blocks, in order. */
    static List<Step> steps(Markdown doc) {
        List<Step> steps = new ArrayList<>();
        for (Markdown.Block block : doc.blocks()) {
            if (!block.has("check")) {
                continue;
            }
            List<String> lines = block.lines();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).startsWith("$ ")) {
                    continue;
                }
                int line = block.firstLine() + i;
                StringBuilder command = new StringBuilder(lines.get(i).substring(2));
                while (command.toString().endsWith("\\") && i + 1 < lines.size()) {
                    command.setLength(command.length() - 1);
                    i++;
                    command.append(' ').append(lines.get(i).strip());
                }
                StringBuilder shown = new StringBuilder();
                while (i + 1 < lines.size() && !lines.get(i + 1).startsWith("$ ")) {
                    shown.append(lines.get(++i)).append('\n');
                }
                steps.add(new Step(doc.name(), line, command.toString().strip(), shown.toString()));
            }
        }
        return steps;
    }

    /** Runs every checked command of the document in order; the failures, each naming the line. */
    List<String> run(Markdown doc) {
        List<String> failures = new ArrayList<>();
        Map<String, String> instants = new LinkedHashMap<>();
        for (Step step : steps(doc)) {
            String command = step.command();
            for (Map.Entry<String, String> instant : instants.entrySet()) {
                command = command.replace(instant.getKey(), instant.getValue());
            }
            String actual;
            try {
                actual = runUntilMatching(command, step.shown(), instants);
            } catch (Exception e) {
                failures.add(step.doc() + ":" + step.line() + ": cannot run `" + step.command() + "`: " + e.getMessage());
                continue;
            }
            if (actual != null) {
                failures.add(step.doc() + ":" + step.line() + ": `" + step.command() + "` no longer prints what is shown.\n"
                        + "--- shown:\n" + step.shown() + "--- printed:\n" + actual);
            }
        }
        return failures;
    }

    /** Null when the command's output matches the shown one (binding its instants), else the last output. */
    private String runUntilMatching(String command, String shown, Map<String, String> instants) throws Exception {
        List<List<String>> stages = stages(command);
        boolean repeatable = repeatable(stages.get(0));
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Output output = execute(stages);
            Map<String, String> bound = new LinkedHashMap<>();
            if (matches(shown, output, bound)) {
                bound.forEach(instants::putIfAbsent);
                return null;
            }
            if (!repeatable || System.nanoTime() > deadline) {
                return output.text();
            }
            Thread.sleep(200);
        }
    }

    // --- running ---------------------------------------------------------------------------------

    private Output execute(List<List<String>> stages) throws Exception {
        List<String> first = stages.get(0);
        Output output = switch (first.get(0)) {
            case "curl" -> curl(first);
            case "java" -> java(first);
            default -> throw new IllegalArgumentException("only curl, java -jar target/entente.jar and H2's shell can be checked");
        };
        for (List<String> stage : stages.subList(1, stages.size())) {
            if (output.json() != null) {
                throw new IllegalArgumentException("jq must be the last command of a pipe");
            }
            output = switch (stage.get(0)) {
                case "jq" -> jq(stage, output.text());
                case "sha256sum" -> sha256(stage, output.text());
                default -> throw new IllegalArgumentException("only jq and sha256sum can follow a pipe");
            };
        }
        return output;
    }

    private static boolean repeatable(List<String> first) {
        if (first.get(0).equals("curl")) {
            return first.stream().noneMatch(w -> w.equals("-X") || w.startsWith("-d") || w.startsWith("--data"));
        }
        int sql = first.indexOf("-sql");
        return first.contains("org.h2.tools.Shell") && sql >= 0 && sql + 1 < first.size()
                && first.get(sql + 1).strip().toUpperCase().startsWith("SELECT");
    }

    private Output curl(List<String> words) throws Exception {
        String method = null;
        String url = null;
        String writeOut = null;
        boolean bodyOut = true;
        byte[] data = null;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "*/*");
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "-s", "-S", "-sS" -> {
                }
                case "-X" -> method = words.get(++i);
                case "-u" -> headers.put("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(words.get(++i).getBytes(StandardCharsets.UTF_8)));
                case "-H" -> {
                    String[] header = words.get(++i).split(":", 2);
                    headers.put(header[0].strip(), header[1].strip());
                }
                case "-d", "--data", "--data-raw" -> data = words.get(++i).getBytes(StandardCharsets.UTF_8);
                case "--data-binary" -> {
                    String value = words.get(++i);
                    data = value.startsWith("@") ? Files.readAllBytes(ROOT.resolve(value.substring(1)))
                            : value.getBytes(StandardCharsets.UTF_8);
                }
                case "-o" -> {
                    if (!words.get(++i).equals("/dev/null")) {
                        throw new IllegalArgumentException("curl -o only to /dev/null");
                    }
                    bodyOut = false;
                }
                case "-w" -> writeOut = words.get(++i);
                default -> {
                    if (word.startsWith("-") || url != null) {
                        throw new IllegalArgumentException("curl option " + word + " is not supported by the check");
                    }
                    url = word;
                }
            }
        }
        Matcher local = LOCAL_URL.matcher(url == null ? "" : url);
        if (!local.matches()) {
            throw new IllegalArgumentException("a checked request goes to localhost:8080, not " + url);
        }
        if (data != null) {
            headers.putIfAbsent("Content-Type", "application/x-www-form-urlencoded");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + local.group(1)));
        headers.forEach(request::header);
        request.method(method != null ? method : data != null ? "POST" : "GET",
                data == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(data));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder(bodyOut ? response.body() : "");
        if (writeOut != null) {
            out.append(writeOut.replace("%{http_code}", String.valueOf(response.statusCode())).replace("\\n", "\n"));
        }
        return new Output(out.toString(), null);
    }

    private Output java(List<String> words) throws Exception {
        if (words.size() >= 3 && words.get(1).equals("-jar") && words.get(2).equals("target/entente.jar")) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            EntenteCli.run(words.subList(3, words.size()).toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
            return new Output(out.toString() + err, null);
        }
        if (words.size() >= 4 && words.get(1).equals("-cp") && words.get(3).equals("org.h2.tools.Shell")) {
            return h2(words.get(2), words.subList(4, words.size()));
        }
        throw new IllegalArgumentException("only java -jar target/entente.jar and H2's org.h2.tools.Shell can be checked");
    }

    /** H2's shell, run on a connection of the test application's database. */
    private Output h2(String jar, List<String> options) throws Exception {
        String version = (String) Class.forName("org.h2.engine.Constants").getField("VERSION").get(null);
        if (!jar.endsWith("/h2-" + version + ".jar")) {
            throw new IllegalArgumentException("the H2 jar shown is not the application's H2 " + version + ": " + jar);
        }
        String sql = null;
        for (int i = 0; i < options.size(); i += 2) {
            switch (options.get(i)) {
                case "-url", "-user", "-password" -> {
                }
                case "-sql" -> sql = options.get(i + 1);
                default -> throw new IllegalArgumentException("H2 shell option " + options.get(i) + " is not supported by the check");
            }
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Object shell = Class.forName("org.h2.tools.Shell").getConstructor().newInstance();
        shell.getClass().getMethod("setOut", PrintStream.class).invoke(shell, new PrintStream(printed, true, StandardCharsets.UTF_8));
        try (Connection connection = dataSource.getConnection()) {
            shell.getClass().getMethod("runTool", Connection.class, String[].class).invoke(shell, connection, new String[] {"-sql", sql});
        }
        return new Output(printed.toString(StandardCharsets.UTF_8), null);
    }

    private Output jq(List<String> words, String input) throws Exception {
        boolean compact = false;
        boolean raw = false;
        String filter = null;
        for (String word : words.subList(1, words.size())) {
            switch (word) {
                case "-c" -> compact = true;
                case "-r" -> raw = true;
                default -> {
                    if (word.startsWith("-") || filter != null) {
                        throw new IllegalArgumentException("jq option " + word + " is not supported by the check");
                    }
                    filter = word;
                }
            }
        }
        JsonQuery query = JsonQuery.compile(filter, Versions.JQ_1_6);
        List<JsonNode> results = new ArrayList<>();
        for (JsonNode value : values(input)) {
            query.apply(Scope.newChildScope(jq), value, results::add);
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode result : results) {
            text.append(raw && result.isTextual() ? result.asText()
                    : compact ? json.writeValueAsString(result) : json.writerWithDefaultPrettyPrinter().writeValueAsString(result)).append('\n');
        }
        return new Output(text.toString(), raw ? null : results);
    }

    private static Output sha256(List<String> words, String input) throws NoSuchAlgorithmException {
        if (words.size() != 1) {
            throw new IllegalArgumentException("sha256sum takes no arguments here");
        }
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
        return new Output(HexFormat.of().formatHex(hash) + "  -\n", null);
    }

    // --- comparing ---------------------------------------------------------------------------------

    private boolean matches(String shown, Output actual, Map<String, String> bound) {
        List<JsonNode> shownJson = jsonOrNull(shown);
        List<JsonNode> actualJson = actual.json() != null ? actual.json() : jsonOrNull(actual.text());
        if (shownJson != null && actualJson != null) {
            if (shownJson.size() != actualJson.size()) {
                return false;
            }
            for (int i = 0; i < shownJson.size(); i++) {
                if (!same(shownJson.get(i), actualJson.get(i), bound)) {
                    return false;
                }
            }
            return true;
        }
        String expected = normalised(shown);
        String printed = normalised(actual.text());
        List<String> shownInstants = instants(expected);
        List<String> printedInstants = instants(printed);
        if (shownInstants.size() != printedInstants.size()
                || !INSTANT.matcher(expected).replaceAll("<instant>").equals(INSTANT.matcher(printed).replaceAll("<instant>"))) {
            return false;
        }
        for (int i = 0; i < shownInstants.size(); i++) {
            bound.putIfAbsent(shownInstants.get(i), printedInstants.get(i));
        }
        return true;
    }

    private static boolean same(JsonNode shown, JsonNode actual, Map<String, String> bound) {
        if (shown.isTextual() && actual.isTextual() && INSTANT.matcher(shown.asText()).matches()
                && INSTANT.matcher(actual.asText()).matches()) {
            bound.putIfAbsent(shown.asText(), actual.asText());
            return true;
        }
        if (shown.isNumber() && actual.isNumber()) {
            return shown.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (shown.isObject() && actual.isObject()) {
            if (shown.size() != actual.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = shown.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!actual.has(field.getKey()) || !same(field.getValue(), actual.get(field.getKey()), bound)) {
                    return false;
                }
            }
            return true;
        }
        if (shown.isArray() && actual.isArray()) {
            if (shown.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < shown.size(); i++) {
                if (!same(shown.get(i), actual.get(i), bound)) {
                    return false;
                }
            }
            return true;
        }
        return shown.equals(actual);
    }

    private static String normalised(String text) {
        List<String> lines = new ArrayList<>(text.lines().map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return H2_TIMING.matcher(String.join("\n", lines)).replaceAll("($1, <ms> ms)");
    }

    private static List<String> instants(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = INSTANT.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** The JSON values in the text, one after another, or null when it is not JSON (or empty). */
    private List<JsonNode> jsonOrNull(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return values(text);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private List<JsonNode> values(String text) throws IOException {
        List<JsonNode> values = new ArrayList<>();
        try (JsonParser parser = json.getFactory().createParser(text)) {
            while (parser.nextToken() != null) {
                values.add(json.readTree(parser));
            }
        }
        return values;
    }

    // --- words -----------------------------------------------------------------------------------

    /** The command split into the commands of its pipe, each into words, as a POSIX shell would (quotes, backslashes). */
    static List<List<String>> stages(String command) {
        List<List<String>> stages = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\'') {
                int end = command.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unbalanced ' in " + command);
                }
                word = (word == null ? new StringBuilder() : word).append(command, i + 1, end);
                i = end;
            } else if (c == '"') {
                word = word == null ? new StringBuilder() : word;
                for (i++; i < command.length() && command.charAt(i) != '"'; i++) {
                    char d = command.charAt(i);
                    if (d == '\\' && i + 1 < command.length() && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) {
                        d = command.charAt(++i);
                    } else if (d == '$' || d == '`') {
                        throw new IllegalArgumentException("no variables or substitutions in a checked command");
                    }
                    word.append(d);
                }
                if (i >= command.length()) {
                    throw new IllegalArgumentException("unbalanced \" in " + command);
                }
            } else if (c == '\\' && i + 1 < command.length()) {
                word = (word == null ? new StringBuilder() : word).append(command.charAt(++i));
            } else if (Character.isWhitespace(c) || c == '|') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                if (c == '|') {
                    stages.add(words);
                    words = new ArrayList<>();
                }
            } else if (";&<>$`".indexOf(c) >= 0) {
                throw new IllegalArgumentException("a checked command is one command or a pipe, without " + c);
            } else {
                word = (word == null ? new StringBuilder() : word).append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        stages.add(words);
        if (stages.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("an empty command in a pipe");
        }
        return stages;
    }
}
