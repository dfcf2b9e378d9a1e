package org.wcoecom.adapter.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The code-list tables (mappings/codelists/*.csv) for Java code that builds canonical documents
 * itself (the declaration assembler); stylesheets read the same files through codelists.xsl.
 */
public final class CodeLists {

    private final Map<String, String> unitToUnece;

    private CodeLists(Map<String, String> unitToUnece) {
        this.unitToUnece = unitToUnece;
    }

    public static CodeLists load(Path home) {
        Path units = home.resolve("mappings/codelists/unit.csv");
        try {
            List<String> lines = Files.readAllLines(units, StandardCharsets.UTF_8);
            Map<String, String> map = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                if (f.length >= 2 && !f[0].isBlank()) {
                    map.put(f[0].trim(), f[1].trim());
                }
            }
            return new CodeLists(Map.copyOf(map));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + units + ": " + e.getMessage(), e);
        }
    }

    /** The UN/ECE Rec. 20 code of a China customs unit code. */
    public Optional<String> unece(String customsUnit) {
        return Optional.ofNullable(unitToUnece.get(customsUnit));
    }
}
