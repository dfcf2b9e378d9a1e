package org.wcoecom.adapter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Cli;

/** The catalogue loads from CSV into the database, all or nothing, also through the command line. */
class CatalogueImportTest {

    @Test
    void a_csv_file_adds_and_replaces_items(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("items.csv");
        Files.writeString(csv, Catalogue.HEADER + "\nSKU-1,1901101010,婴幼儿配方奶粉,035,0.9,,,,0.9\nSKU-2,3304990099,面霜,035,0.05,142,1,R-7,\n");
        try (Database db = Database.embedded(dir, "NORMAL")) {
            Catalogue c = new Catalogue(db.dataSource());
            assertEquals(2, c.importCsv(csv));
            Catalogue.Item cream = c.find("SKU-2").orElseThrow();
            assertEquals("3304990099", cream.gcode());
            assertEquals("142", cream.unit2().orElseThrow());
            assertEquals("R-7", cream.itemRecordNo().orElseThrow());
            assertTrue(cream.netWeightKg().isEmpty());
            Files.writeString(csv, Catalogue.HEADER + "\nSKU-1,1901109000,其他婴幼儿食品,035,1,,,,1\n");
            assertEquals(1, c.importCsv(csv));
            assertEquals("1901109000", c.find("SKU-1").orElseThrow().gcode());
            assertEquals(0, new BigDecimal("1").compareTo(c.find("SKU-1").orElseThrow().qty1PerUnit()));
            assertEquals(2, c.size());
        }
    }

    @Test
    void one_bad_line_changes_nothing_and_is_named(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("items.csv");
        Files.writeString(csv, Catalogue.HEADER + "\nSKU-1,1901101010,婴幼儿配方奶粉,035,0.9,,,,0.9\nSKU-2,33049900,面霜,035,0.05,,,,\n");
        try (Database db = Database.embedded(dir, "NORMAL")) {
            Catalogue c = new Catalogue(db.dataSource());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.importCsv(csv));
            assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("33049900"), e.getMessage());
            assertEquals(0, c.size());
        }
    }

    @Test
    void the_command_imports_into_the_data_folder(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("items.csv");
        Files.writeString(csv, Catalogue.HEADER + "\nSKU-9,0409000000,天然蜂蜜,035,0.25,,,,0.25\n");
        Cli r = Cli.run("catalogue", "import", "--data", dir.resolve("data").toString(), csv.toString());
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("imported 1 items"), r.out);
        try (Database db = Database.embedded(dir.resolve("data"), "NORMAL")) {
            assertEquals("天然蜂蜜", new Catalogue(db.dataSource()).find("SKU-9").orElseThrow().gname());
        }
    }
}
