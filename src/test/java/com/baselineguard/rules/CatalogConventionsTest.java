package com.baselineguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.config.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Rules about rules (after PSRule's Rule.Rule.ps1 and error-prone's BugPatternValidator): the
 * catalog holds exactly the rule table's ids, each on the table's resource type; every rule has a
 * documentation page whose front matter, synopsis and recommendation equal the code; every rule has a
 * test class; every setting is documented. That every planned fix converges is shown by
 * {@link ConvergenceTest}.
 */
class CatalogConventionsTest {

    private static final List<String> HEADINGS = List.of("## Synopsis", "## Recommendation", "## Why it matters",
            "## Baseline control", "## How it is evaluated", "## How to fix by hand", "## Automatic fix", "## Risk",
            "## Comparison", "## Links");

    /** The rule table (src/test/resources/catalog/rule-table.tsv; its header cites the baselines and specs). */
    private static final String RULE_TABLE = "/catalog/rule-table.tsv";

    private final Catalog catalog = Catalog.standard();

    @Test
    void theRuleTableNumbersEachFamilyWithoutGaps() {
        Map<String, Integer> last = new LinkedHashMap<>();
        String previous = "";
        for (String id : ruleTable().keySet()) {
            assertTrue(id.matches("[A-Z]+-\\d{3}"), "an id is a family and a three-digit number: " + id);
            String family = id.substring(0, id.indexOf('-'));
            int number = Integer.parseInt(id.substring(id.indexOf('-') + 1));
            assertTrue(family.equals(previous) || !last.containsKey(family), id + ": a family's rows are together");
            assertEquals(last.getOrDefault(family, 0) + 1, number, id + ": numbered from 001 without gaps");
            last.put(family, number);
            previous = family;
        }
        assertEquals(List.of("REDIS", "REDISENT", "BATCH", "BPOOL"), List.copyOf(last.keySet()), "the families, in row order");
    }

    @Test
    void theCatalogHoldsExactlyTheRuleTablesIdsEachOnItsResourceType() {
        Map<String, String> table = ruleTable();
        assertEquals(table.keySet().stream().sorted().toList(), catalog.rules().stream().map(r -> r.metadata().id()).toList(),
                "the catalog is sorted by id and holds every row of the rule table");
        for (Rule rule : catalog.rules()) {
            assertEquals(table.get(rule.metadata().id()), rule.metadata().resourceType().armType(), rule.metadata().id());
        }
    }

    /** The rule table's rows: id to ARM resource type. Missing data fails the test; it is never skipped. */
    private static Map<String, String> ruleTable() {
        try (InputStream in = CatalogConventionsTest.class.getResourceAsStream(RULE_TABLE)) {
            assertNotNull(in, "missing test resource src/test/resources" + RULE_TABLE);
            Map<String, String> rows = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                assertEquals(2, columns.length, "rule table row: " + line);
                assertNull(rows.put(columns[0].trim(), columns[1].trim()), "duplicate row " + columns[0]);
            }
            assertFalse(rows.isEmpty(), "the rule table has no rows");
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void namesAreUniqueAndClassesAreNamedAfterThem() {
        TreeSetCheck.unique(catalog.rules().stream().map(r -> r.metadata().name().toLowerCase()).toList());
        for (Rule rule : catalog.rules()) {
            assertEquals(rule.metadata().name().replace(".", ""), rule.getClass().getSimpleName(), rule.metadata().id());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHasADocumentationPageThatMatchesItsMetadata() {
        return catalog.rules().stream().map(rule -> DynamicTest.dynamicTest(rule.metadata().id(), () -> {
            RuleMetadata m = rule.metadata();
            Path page = Path.of(m.docPath());
            assertTrue(Files.exists(page), "missing " + page);
            String text = Files.readString(page);
            Map<String, String> front = frontMatter(text);
            assertEquals(m.id(), front.get("id"));
            assertEquals(m.name(), front.get("name"));
            assertEquals(m.resourceType().armType(), front.get("resource"));
            assertEquals(m.severity().label(), front.get("severity"));
            assertEquals("[" + String.join(", ", m.controls()) + "]", front.get("controls"));
            assertEquals(m.fixClass().label(), front.get("fix"));
            assertTrue(text.contains("\n# " + m.id() + " " + m.name() + "\n"), "title line");
            int last = -1;
            for (String heading : HEADINGS) {
                int at = text.indexOf("\n" + heading + "\n");
                assertTrue(at > last, heading + " missing or out of order in " + page);
                last = at;
            }
            assertEquals(m.synopsis(), section(text, "## Synopsis"), "synopsis");
            assertEquals(m.recommendation(), section(text, "## Recommendation"), "recommendation");
        }));
    }

    @Test
    void everyRuleHasATestClass() {
        for (Rule rule : catalog.rules()) {
            String packagePath = rule.getClass().getPackageName().replace('.', '/');
            Path test = Path.of("src/test/java", packagePath, rule.getClass().getSimpleName() + "Test.java");
            assertTrue(Files.exists(test), "missing " + test);
        }
    }

    @Test
    void theRuleIndexListsEveryRule() throws IOException {
        String index = Files.readString(Path.of("docs/rules/README.md"));
        for (Rule rule : catalog.rules()) {
            assertTrue(index.contains(rule.metadata().id() + ".md"), rule.metadata().id());
        }
    }

    @Test
    void everySettingIsDocumented() throws IOException {
        String configuration = Files.readString(Path.of("docs/configuration.md"));
        for (Setting setting : Setting.values()) {
            assertTrue(configuration.contains(setting.variable()), setting.variable());
        }
    }

    private static Map<String, String> frontMatter(String text) {
        assertTrue(text.startsWith("---\n"), "front matter first");
        int end = text.indexOf("\n---\n", 4);
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            values.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        return values;
    }

    private static String section(String text, String heading) {
        int start = text.indexOf("\n" + heading + "\n") + heading.length() + 2;
        int end = text.indexOf("\n## ", start);
        return text.substring(start, end).trim();
    }

    private static final class TreeSetCheck {
        static void unique(List<String> values) {
            assertEquals(values.size(), new TreeSet<>(values).size(), "duplicates in " + values);
        }
    }
}
