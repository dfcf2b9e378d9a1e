package org.wcoecom.adapter.canonical;

import java.util.LinkedHashMap;
import java.util.Optional;

import org.wcoecom.adapter.canonical.model.DeclarationType;
import org.wcoecom.adapter.canonical.model.OrderType;
import org.wcoecom.adapter.canonical.model.PartyRoleType;
import org.wcoecom.adapter.canonical.model.PartyType;
import org.wcoecom.adapter.canonical.model.PaymentType;
import org.wcoecom.adapter.canonical.model.ShipmentType;

/**
 * The typed business keys of a canonical document, as receipts carry them (ORDER_NUMBER,
 * PLATFORM_CODE, WAYBILL_NUMBER, ...): what a partner and customs match answers by.
 */
public final class References {

    private References() {
    }

    public static LinkedHashMap<String, String> of(Object document) {
        LinkedHashMap<String, String> refs = new LinkedHashMap<>();
        if (document instanceof OrderType o) {
            put(refs, "ORDER_NUMBER", o.getOrderNumber());
            put(refs, "PLATFORM_CODE", code(o.getParty().stream(), PartyRoleType.PLATFORM));
            put(refs, "SELLER_CODE", code(o.getParty().stream(), PartyRoleType.SELLER));
        } else if (document instanceof PaymentType p) {
            put(refs, "PAYMENT_PROVIDER_CODE", code(p.getParty().stream(), PartyRoleType.PAYMENT_SERVICE_PROVIDER));
            put(refs, "PAYMENT_TRANSACTION_ID", p.getPaymentTransactionId());
            put(refs, "ORDER_NUMBER", p.getOrderNumber());
            put(refs, "PLATFORM_CODE", code(p.getParty().stream(), PartyRoleType.PLATFORM));
        } else if (document instanceof ShipmentType s) {
            put(refs, "LOGISTICS_CODE", code(s.getParty().stream(), PartyRoleType.LOGISTICS_OPERATOR));
            put(refs, "WAYBILL_NUMBER", s.getTransportDocument().getValue());
            put(refs, "ORDER_NUMBER", s.getOrderNumber());
        } else if (document instanceof DeclarationType d) {
            put(refs, "ORDER_NUMBER", d.getOrderNumber());
            put(refs, "PLATFORM_CODE", code(d.getParty().stream(), PartyRoleType.PLATFORM));
            put(refs, "SELLER_CODE", code(d.getParty().stream(), PartyRoleType.SELLER));
            put(refs, "LOCAL_REFERENCE", d.getLocalReference());
            put(refs, "DECLARANT_CODE", code(d.getParty().stream(), PartyRoleType.DECLARANT));
            put(refs, "DECLARATION_OFFICE", d.getDeclarationOffice());
            put(refs, "WAYBILL_NUMBER", d.getTransportDocument() == null ? null : d.getTransportDocument().getValue());
            put(refs, "LOGISTICS_CODE", code(d.getParty().stream(), PartyRoleType.LOGISTICS_OPERATOR));
        }
        return refs;
    }

    private static String code(java.util.stream.Stream<PartyType> parties, PartyRoleType role) {
        return Parties.identifier(parties.filter(p -> p.getRole() == role).findFirst(), "CN-CUSTOMS").orElse(null);
    }

    private static void put(LinkedHashMap<String, String> refs, String type, String value) {
        Optional.ofNullable(value).filter(v -> !v.isEmpty()).ifPresent(v -> refs.put(type, v));
    }
}
