package org.wcoecom.adapter.soap;

import java.util.List;
import java.util.Optional;

import org.wcoecom.adapter.canonical.model.AddressType;
import org.wcoecom.adapter.canonical.model.DeclarationType;
import org.wcoecom.adapter.canonical.model.PartyType;

/**
 * Where a declaration's goods go: the country of the delivery address, else of the consignee,
 * importer or buyer; else the configured default (adapter.soap.egress.default-country: the CEB
 * formats are China's import declarations and name no country).
 */
final class DestinationCountry {

    private static final List<String> ROLES = List.of("CONSIGNEE", "IMPORTER", "BUYER");

    private DestinationCountry() {
    }

    static String of(DeclarationType d, String defaultCountry) {
        Optional<String> country = country(d.getDeliveryAddress());
        for (String role : ROLES) {
            if (country.isPresent()) {
                break;
            }
            for (PartyType p : d.getParty()) {
                if (role.equals(p.getRole().value()) && country.isEmpty()) {
                    country = country(p.getAddress());
                }
            }
        }
        return country.orElse(defaultCountry);
    }

    private static Optional<String> country(AddressType address) {
        return address == null || address.getCountry() == null ? Optional.empty() : Optional.of(address.getCountry().getValue());
    }
}
