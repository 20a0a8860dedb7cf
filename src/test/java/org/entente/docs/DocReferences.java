package org.entente.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What a document names that does not exist:
 * <ul>
 *   <li>a path under {@code src/}, {@code scenarios/}, {@code docs/} or {@code .ci/} (a glob such as
 *       {@code scenarios/*.yaml} must match a file) or a relative link, that is not in the project tree;</li>
 *   <li>a bare file name ({@code Relation.java}, {@code turkey-never-vetoes.yaml}, {@code V1__event_store.sql},
 *       …) that no file in the tree has;</li>
 *   <li>a backticked class ({@code `StatusProjection`}, {@code `@ResetHandler`}) that is neither in the project
 *       nor on its classpath, a backticked {@code `ClassName.member`} whose class has no such method, field,
 *       constant or nested class, and a backticked {@code `org.entente.…`} package that does not exist;</li>
 *   <li>a file excerpt — a fenced block whose info string has {@code file=PATH} — whose lines are not in that
 *       file in that order (a line {@code …} skips any number of lines).</li>
 * </ul>
 */
final class DocReferences {

    private static final Pattern PATH = Pattern.compile("(?<![\\w./-])((?:src|scenarios|docs|\\.ci)/[\\w.*/-]*)");
    private static final Pattern BARE_FILE = Pattern.compile("(?<![\\w./-])([\\w-]+\\.(?:java|yaml|yml|sql|json|properties))(?![\\w-]|\\.\\w)");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern CLASS = Pattern.compile("@?([A-Z][A-Za-z0-9]*)(?:[.#]([A-Za-z_][A-Za-z0-9_]*))?(?:\\(.*\\))?");
    private static final Pattern PACKAGE = Pattern.compile("org\\.entente(?:\\.[a-z][a-z0-9]*)*");
    /** Where the classes a document may name come from: the project, its frameworks, and the JDK packages below. */
    private static final List<String> CLASSPATH_ROOTS = List.of("org/entente", "org/axonframework", "org/springframework",
            "com/fasterxml/jackson", "org/junit", "org/h2", "org/flywaydb", "picocli");
    private static final List<String> JDK_PACKAGES = List.of("java.lang", "java.util", "java.time", "java.util.function",
            "java.sql", "java.io", "java.nio.file");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", "data", "node_modules");

    private final Path root;
    private final Set<String> fileNames = new HashSet<>();
    private final Map<String, List<String>> classesBySimpleName = new HashMap<>();

    private DocReferences(Path root) {
        this.root = root;
    }

    /** The checker for the project tree at {@code root}, with the classes of the current classpath. */
    static DocReferences of(Path root) {
        DocReferences references = new DocReferences(root);
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> !skipped(root.relativize(f))).filter(Files::isRegularFile)
                    .forEach(f -> references.fileNames.add(f.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String classRoot : CLASSPATH_ROOTS) {
            try {
                for (Resource resource : resolver.getResources("classpath*:" + classRoot + "/**/*.class")) {
                    String url = resource.getURL().toString();
                    int at = url.lastIndexOf(classRoot + "/");
                    String className = url.substring(at, url.length() - ".class".length()).replace('/', '.');
                    String simple = className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
                    if (!simple.isEmpty() && !Character.isDigit(simple.charAt(0))) {
                        references.classesBySimpleName.computeIfAbsent(simple, k -> new ArrayList<>()).add(className);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return references;
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    /** Everything {@code doc} names that does not exist, each as {@code doc:line: what}. */
    List<String> problems(Markdown doc) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < doc.lines().size(); i++) {
            int n = i + 1;
            String line = doc.lines().get(i);
            String where = doc.name() + ":" + n + ": ";
            Matcher path = PATH.matcher(line);
            while (path.find()) {
                String named = path.group(1).replaceAll("[.]+$", "");
                if (!pathExists(named)) {
                    problems.add(where + named + " is not in the project tree");
                }
            }
            Matcher bare = BARE_FILE.matcher(line);
            while (bare.find()) {
                if (!fileNames.contains(bare.group(1))) {
                    problems.add(where + "no file of the project tree is named " + bare.group(1));
                }
            }
            Matcher link = LINK.matcher(line);
            while (link.find()) {
                String target = link.group(1).replaceAll("#.*$", "");
                if (!target.isEmpty() && !target.matches("^[a-z]+:.*") && !Files.exists(doc.dir().resolve(target))) {
                    problems.add(where + "the link to " + target + " leads nowhere");
                }
            }
            if (!doc.fenced(n)) {
                Matcher span = CODE_SPAN.matcher(line);
                while (span.find()) {
                    String problem = codeSpanProblem(span.group(1).strip());
                    if (problem != null) {
                        problems.add(where + problem);
                    }
                }
            }
        }
        for (Markdown.Block block : doc.blocks()) {
            String file = block.attribute("file");
            if (file != null) {
                String problem = excerptProblem(block, file);
                if (problem != null) {
                    problems.add(doc.name() + ":" + block.firstLine() + ": " + problem);
                }
            }
        }
        return problems;
    }

    private boolean pathExists(String named) {
        if (!named.contains("*")) {
            return Files.exists(root.resolve(named));
        }
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + named);
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize).anyMatch(glob::matches);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String codeSpanProblem(String span) {
        if (PACKAGE.matcher(span).matches()) {
            String dir = span.replace('.', '/');
            return Files.isDirectory(root.resolve("src/main/java").resolve(dir)) || Files.isDirectory(root.resolve("src/test/java").resolve(dir))
                    ? null : "`" + span + "` is not a package of the project";
        }
        Matcher named = CLASS.matcher(span);
        if (!named.matches() || !named.group(1).chars().anyMatch(Character::isLowerCase)) {
            return null; // not a class name: a constant such as VETOED, a value, a command, …
        }
        List<Class<?>> classes = classes(named.group(1));
        if (classes.isEmpty()) {
            return "`" + span + "` names no class of the project or its classpath";
        }
        String member = named.group(2);
        if (member != null && classes.stream().noneMatch(c -> hasMember(c, member))) {
            return "`" + span + "`: " + classes.get(0).getName() + " has no member " + member;
        }
        return null;
    }

    private List<Class<?>> classes(String simpleName) {
        List<Class<?>> found = new ArrayList<>();
        for (String name : classesBySimpleName.getOrDefault(simpleName, List.of())) {
            load(name).ifPresent(found::add);
        }
        for (String pkg : JDK_PACKAGES) {
            load(pkg + "." + simpleName).ifPresent(found::add);
        }
        return found;
    }

    private static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, DocReferences.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** A method, field (enum constants included) or nested class of the class or one of its supertypes. */
    private static boolean hasMember(Class<?> type, String member) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(member)) {
                return true;
            }
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(member)) {
                    return true;
                }
            }
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(member)) {
                    return true;
                }
            }
            for (Class<?> nested : c.getDeclaredClasses()) {
                if (nested.getSimpleName().equals(member)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Null when every line of the block stands in the file, in order; a line {@code …} skips any number of lines. */
    private String excerptProblem(Markdown.Block block, String file) {
        Path path = root.resolve(file);
        if (!Files.isRegularFile(path)) {
            return "the excerpt's file " + file + " is not in the project tree";
        }
        List<String> fileLines;
        try {
            fileLines = Files.readAllLines(path).stream().map(String::stripTrailing).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = 0;
        List<String> run = new ArrayList<>();
        List<String> lines = new ArrayList<>(block.lines());
        lines.add("…");
        for (String line : lines) {
            if (!line.strip().equals("…")) {
                run.add(line.stripTrailing());
                continue;
            }
            at = find(fileLines, run, at);
            if (at < 0) {
                return "the excerpt of " + file + " is no longer in the file, from: " + run.get(0).strip();
            }
            run.clear();
        }
        return null;
    }

    /** Where {@code run} ends, found as consecutive lines of {@code lines} at or after {@code from}; -1 when it is not there. */
    private static int find(List<String> lines, List<String> run, int from) {
        if (run.isEmpty()) {
            return from;
        }
        for (int start = from; start + run.size() <= lines.size(); start++) {
            if (lines.subList(start, start + run.size()).equals(run)) {
                return start + run.size();
            }
        }
        return -1;
    }
}
