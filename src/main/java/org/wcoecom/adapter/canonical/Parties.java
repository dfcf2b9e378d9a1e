package org.wcoecom.adapter.canonical;

import java.util.List;
import java.util.Optional;

import org.wcoecom.adapter.canonical.model.AddressType;
import org.wcoecom.adapter.canonical.model.CommunicationType;
import org.wcoecom.adapter.canonical.model.IdentifierType;
import org.wcoecom.adapter.canonical.model.PartyRoleType;
import org.wcoecom.adapter.canonical.model.PartyType;

/** Reading parties of canonical documents by role; the identifier schemes are data ({@link IdentifierSchemes}). */
public final class Parties {

    private Parties() {
    }

    public static Optional<PartyType> role(List<PartyType> parties, PartyRoleType role) {
        return parties.stream().filter(p -> p.getRole() == role).findFirst();
    }

    public static Optional<String> identifier(Optional<PartyType> party, String scheme) {
        return party.flatMap(p -> p.getIdentifier().stream().filter(i -> scheme.equals(i.getScheme()))
                .map(IdentifierType::getValue).findFirst());
    }

    /** The China customs code (scheme CN-CUSTOMS, see kinds.yaml) of the party with a role, if there is one. */
    public static Optional<String> customsCode(List<PartyType> parties, PartyRoleType role) {
        return identifier(role(parties, role), IdentifierSchemes.current().customsCode());
    }

    /** The identity document of a person: its scheme and number. */
    public static Optional<IdentifierType> personId(Optional<PartyType> party) {
        List<String> schemes = IdentifierSchemes.current().personId();
        return party.flatMap(p -> p.getIdentifier().stream().filter(i -> schemes.contains(i.getScheme())).findFirst());
    }

    public static Optional<String> name(Optional<PartyType> party) {
        return party.map(PartyType::getName);
    }

    public static Optional<String> telephone(Optional<PartyType> party) {
        return party.flatMap(p -> p.getCommunication().stream().filter(c -> "TE".equals(c.getType()))
                .map(CommunicationType::getValue).findFirst());
    }

    public static Optional<String> addressLine(Optional<PartyType> party) {
        return party.map(PartyType::getAddress).map(AddressType::getLine).filter(l -> !l.isEmpty()).map(l -> String.join(" ", l));
    }
}
