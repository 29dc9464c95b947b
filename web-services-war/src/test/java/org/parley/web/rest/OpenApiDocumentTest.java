package org.parley.web.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.ws.rs.HttpMethod;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps the hand-written openapi.yaml and the JAX-RS resources in step: every resource method (found by
 * reflection over the compiled resource classes, so a new resource is covered without touching this test)
 * must be an operation of the document, and every operation of the document a resource method.
 */
class OpenApiDocumentTest {

    private static final Path DOCUMENT = Path.of("src/main/webapp/openapi.yaml");
    private static final Path CLASSES = Path.of("target/classes");

    private static Map<String, Object> openApi;

    @BeforeAll
    static void parse() throws IOException {
        try (Reader reader = Files.newBufferedReader(DOCUMENT)) {
            openApi = new Yaml().load(reader);
        }
    }

    @Test
    void isAnOpenApi3DocumentOfTheVersionedApi() {
        assertThat(String.valueOf(openApi.get("openapi"))).startsWith("3.");
        assertThat(openApi.get("servers").toString()).contains("/parley/api/v1");
    }

    @Test
    void documentsEveryResourceMethod() throws Exception {
        assertThat(documentedOperations()).containsAll(implementedOperations());
    }

    @Test
    void documentsNothingTheResourcesDoNotServe() throws Exception {
        assertThat(implementedOperations()).containsAll(documentedOperations());
    }

    @Test
    void readsJaxRsPathTemplatesAsOpenApiOnes() {
        assertThat(openApiPath("rooms", "{id: [0-9a-f]{8}-[0-9a-f]{4}}/{role: members|managers}/{principal}"))
                .isEqualTo("/rooms/{id}/{role}/{principal}");
        assertThat(openApiPath("/status/", null)).isEqualTo("/status");
    }

    /** "GET /rooms/{id}" for every operation of the document. */
    @SuppressWarnings("unchecked")
    private static Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) openApi.get("paths");
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(key -> Set.of("get", "put", "post", "delete", "patch", "head", "options")
                        .contains(key))
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }

    /** The same for every resource method of the compiled resource classes. */
    private static Set<String> implementedOperations() throws Exception {
        Set<String> operations = new TreeSet<>();
        for (Class<?> resource : resourceClasses()) {
            String base = resource.getAnnotation(jakarta.ws.rs.Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod != null) {
                    jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                    operations.add(httpMethod + " " + openApiPath(base, sub == null ? null : sub.value()));
                }
            }
        }
        assertThat(operations)
                .as("resource methods found under " + CLASSES.toAbsolutePath())
                .isNotEmpty();
        return operations;
    }

    private static Set<Class<?>> resourceClasses() throws Exception {
        Set<Class<?>> resources = new java.util.HashSet<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = Class.forName(
                        name.substring(0, name.length() - ".class".length()),
                        false,
                        OpenApiDocumentTest.class.getClassLoader());
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    resources.add(type);
                }
            }
        }
        return resources;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** Joins class and method paths and drops the regular expressions of templates ({id: [0-9a-f]{8}} is {id}). */
    static String openApiPath(String base, String sub) {
        String joined = "/" + base + (sub == null ? "" : "/" + sub);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c != '{') {
                path.append(c);
                continue;
            }
            int end = i + 1;
            while (joined.charAt(end) != ':' && joined.charAt(end) != '}') {
                end++;
            }
            path.append('{').append(joined, i + 1, end).append('}');
            int depth = 1;
            i = end;
            while (joined.charAt(i) != '}' || --depth > 0) {
                i++;
                if (joined.charAt(i) == '{') {
                    depth++;
                }
            }
        }
        String normalised = path.toString().replaceAll("/+", "/");
        return normalised.length() > 1 && normalised.endsWith("/")
                ? normalised.substring(0, normalised.length() - 1)
                : normalised;
    }
}
