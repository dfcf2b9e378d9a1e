package org.wcoecom.adapter.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.canonical.model.ClassificationType;
import org.wcoecom.adapter.canonical.model.DeclarationType;
import org.wcoecom.adapter.canonical.model.GoodsItemType;

/**
 * Screening as data: commodity-code prefixes that are prohibited (with the reason), and the
 * positive list of codes allowed for cross-border e-commerce retail import. An empty or missing
 * file switches its check off (and says so).
 */
public final class Screening {

    private static final Logger LOG = LoggerFactory.getLogger(Screening.class);

    /** The classification scheme of China customs' 10-digit commodity codes. */
    static final String CUSTOMS_CODE = "CN-CUSTOMS10";

    private final Map<String, String> prohibited;
    private final Set<String> positive;

    public Screening(Map<String, String> prohibited, Set<String> positive) {
        this.prohibited = prohibited;
        this.positive = positive;
    }

    public static Screening load(Path prohibitedFile, Path positiveFile) {
        return load(prohibitedFile, positiveFile, "screening");
    }

    /** Exports: prohibited code prefixes only (there is no positive list of exports). */
    public static Screening exports(Path prohibitedFile) {
        return load(prohibitedFile, null, "export screening");
    }

    private static Screening load(Path prohibitedFile, Path positiveFile, String what) {
        Map<String, String> prohibited = new LinkedHashMap<>();
        for (String[] row : rows(prohibitedFile)) {
            prohibited.put(row[0], row.length > 1 ? row[1] : "prohibited");
        }
        Set<String> positive = new LinkedHashSet<>();
        for (String[] row : rows(positiveFile)) {
            positive.add(row[0]);
        }
        LOG.info(prohibited.isEmpty() ? "{}: no prohibited list ({}), the check is off"
                : "{}: {} prohibited code prefixes", what, prohibited.isEmpty() ? prohibitedFile : prohibited.size());
        if (positiveFile != null || !"export screening".equals(what)) {
            LOG.info(positive.isEmpty() ? "{}: no positive list ({}), the check is off"
                    : "{}: {} codes on the positive list", what, positive.isEmpty() ? positiveFile : positive.size());
        }
        return new Screening(prohibited, positive);
    }

    private static List<String[]> rows(Path file) {
        List<String[]> rows = new ArrayList<>();
        if (file == null || !Files.isRegularFile(file)) {
            return rows;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                if (!line.isBlank()) {
                    String[] f = line.split(",", 2);
                    f[0] = f[0].trim();
                    rows.add(f);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return rows;
    }

    public List<RuleViolation> check(DeclarationType declaration) {
        List<RuleViolation> violations = new ArrayList<>();
        for (GoodsItemType item : declaration.getGoodsItem()) {
            String path = "/Declaration/GoodsItem[" + item.getSequence() + "]/Classification";
            for (ClassificationType c : item.getClassification()) {
                String code = c.getValue();
                prohibited.entrySet().stream().filter(e -> code.startsWith(e.getKey())).findFirst().ifPresent(e ->
                        violations.add(new RuleViolation("SCREEN-PROHIBITED", "line " + item.getSequence()
                                + ": its commodity code is prohibited (" + e.getValue() + ")", List.of(path))));
                // the positive list holds China customs' 10-digit codes: other schemes (a 6-digit HS code beside it) are not on it
                if (!positive.isEmpty() && CUSTOMS_CODE.equals(c.getScheme()) && !positive.contains(code)) {
                    violations.add(new RuleViolation("SCREEN-NOT-LISTED", "line " + item.getSequence()
                            + ": its commodity code is not on the list of goods allowed for cross-border e-commerce retail import",
                            List.of(path)));
                }
            }
        }
        return violations;
    }
}
