package org.wcoecom.adapter.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A copy of the project's data (routes/, xsd/, mappings/) in a folder of the test's own, for tests
 * that add or break formats the way an integration engineer would, without touching the project.
 */
public final class ProjectCopy {

    private ProjectCopy() {
    }

    public static Path into(Path home) {
        for (String folder : new String[] {"routes", "xsd", "mappings"}) {
            copy(Project.root().resolve(folder), home.resolve(folder));
        }
        return home;
    }

    /** A folder and everything below it, into another (files already there are replaced). */
    public static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces text in a file, which must hold it. */
    public static void edit(Path file, String from, String to) {
        String text = read(file);
        if (!text.contains(from)) {
            throw new AssertionError(file + " does not hold: " + from);
        }
        write(file, text.replace(from, to));
    }

    /**
     * A partner's own schema, kept outside the project as a published schema would be: a carrier's
     * status notice (one waybill's status per message).
     */
    public static Path carrierSchema(Path dir) {
        Path xsd = dir.resolve("acme-status.xsd");
        write(xsd, """
                <?xml version="1.0" encoding="UTF-8"?>
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:acme-express:tracking:2"
                    xmlns="urn:acme-express:tracking:2" elementFormDefault="qualified">
                  <xs:element name="StatusNotice">
                    <xs:complexType>
                      <xs:sequence>
                        <xs:element name="Carrier">
                          <xs:complexType>
                            <xs:sequence>
                              <xs:element name="CustomsCode"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[0-9A-Z]{10}"/></xs:restriction></xs:simpleType></xs:element>
                              <xs:element name="Name" type="Text100"/>
                            </xs:sequence>
                          </xs:complexType>
                        </xs:element>
                        <xs:element name="TrackingNo" type="Text60"/>
                        <xs:element name="Status">
                          <xs:simpleType><xs:restriction base="xs:token"><xs:enumeration value="DLV"/><xs:enumeration value="PUP"/><xs:enumeration value="EXC"/></xs:restriction></xs:simpleType>
                        </xs:element>
                        <xs:element name="EventTime" type="xs:dateTime"/>
                        <xs:element name="Parcels" type="xs:positiveInteger"/>
                        <xs:element name="Note" type="Text100" minOccurs="0"/>
                      </xs:sequence>
                      <xs:attribute name="version" type="xs:string" use="required" fixed="2.1"/>
                    </xs:complexType>
                  </xs:element>
                  <xs:simpleType name="Text100"><xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="100"/></xs:restriction></xs:simpleType>
                  <xs:simpleType name="Text60"><xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="60"/></xs:restriction></xs:simpleType>
                </xs:schema>
                """);
        return xsd;
    }

    public static final String CARRIER_ROOT = "{urn:acme-express:tracking:2}StatusNotice";

    /** A status notice of the carrier schema, with its values. */
    public static String carrierNotice(String customsCode, String trackingNo, String status, String time, int parcels) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <StatusNotice xmlns="urn:acme-express:tracking:2" version="2.1">
                  <Carrier>
                    <CustomsCode>%s</CustomsCode>
                    <Name>ACME Express (Shanghai)</Name>
                  </Carrier>
                  <TrackingNo>%s</TrackingNo>
                  <Status>%s</Status>
                  <EventTime>%s</EventTime>
                  <Parcels>%d</Parcels>
                </StatusNotice>
                """.formatted(customsCode, trackingNo, status, time, parcels);
    }
}
