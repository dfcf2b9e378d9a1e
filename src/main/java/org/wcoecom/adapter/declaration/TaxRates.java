package org.wcoecom.adapter.declaration;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Import VAT and consumption tax rates by commodity-code prefix (mappings/tax/rates.csv). */
public final class TaxRates {

    public record Rate(String prefix, BigDecimal vat, BigDecimal consumption) {
    }

    private final List<Rate> rates;

    private TaxRates(List<Rate> rates) {
        // longest prefix first, so the first match is the most specific
        this.rates = rates.stream().sorted(Comparator.comparingInt((Rate r) -> r.prefix().length()).reversed()).toList();
    }

    public static TaxRates load(Path file) {
        List<Rate> rates = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String[] f = lines.get(i).split(",", 4);
                try {
                    rates.add(new Rate(f[0].trim(), new BigDecimal(f[1].trim()), new BigDecimal(f[2].trim())));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected hs_prefix,vat_rate,consumption_rate,description");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (rates.stream().noneMatch(r -> r.prefix().isEmpty())) {
            throw new IllegalArgumentException(file + ": a default row (empty hs_prefix) is needed");
        }
        return new TaxRates(rates);
    }

    public Rate of(String commodityCode) {
        return rates.stream().filter(r -> commodityCode.startsWith(r.prefix())).findFirst().orElseThrow();
    }
}
