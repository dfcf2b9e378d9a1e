package org.wcoecom.adapter.canonical;

import java.util.LinkedHashMap;
import java.util.Optional;

import org.wcoecom.adapter.canonical.model.DeclarationType;
import org.wcoecom.adapter.canonical.model.OrderType;
import org.wcoecom.adapter.canonical.model.PartyRoleType;
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
            put(refs, "PLATFORM_CODE", Parties.customsCode(o.getParty(), PartyRoleType.PLATFORM).orElse(null));
            put(refs, "SELLER_CODE", Parties.customsCode(o.getParty(), PartyRoleType.SELLER).orElse(null));
        } else if (document instanceof PaymentType p) {
            put(refs, "PAYMENT_PROVIDER_CODE", Parties.customsCode(p.getParty(), PartyRoleType.PAYMENT_SERVICE_PROVIDER).orElse(null));
            put(refs, "PAYMENT_TRANSACTION_ID", p.getPaymentTransactionId());
            put(refs, "ORDER_NUMBER", p.getOrderNumber());
            put(refs, "PLATFORM_CODE", Parties.customsCode(p.getParty(), PartyRoleType.PLATFORM).orElse(null));
        } else if (document instanceof ShipmentType s) {
            put(refs, "LOGISTICS_CODE", Parties.customsCode(s.getParty(), PartyRoleType.LOGISTICS_OPERATOR).orElse(null));
            put(refs, "WAYBILL_NUMBER", s.getTransportDocument().getValue());
            put(refs, "ORDER_NUMBER", s.getOrderNumber());
        } else if (document instanceof DeclarationType d) {
            put(refs, "ORDER_NUMBER", d.getOrderNumber());
            put(refs, "PLATFORM_CODE", Parties.customsCode(d.getParty(), PartyRoleType.PLATFORM).orElse(null));
            put(refs, "SELLER_CODE", Parties.customsCode(d.getParty(), PartyRoleType.SELLER).orElse(null));
            put(refs, "LOCAL_REFERENCE", d.getLocalReference());
            put(refs, "DECLARANT_CODE", Parties.customsCode(d.getParty(), PartyRoleType.DECLARANT).orElse(null));
            put(refs, "DECLARATION_OFFICE", d.getDeclarationOffice());
            put(refs, "WAYBILL_NUMBER", d.getTransportDocument() == null ? null : d.getTransportDocument().getValue());
            put(refs, "LOGISTICS_CODE", Parties.customsCode(d.getParty(), PartyRoleType.LOGISTICS_OPERATOR).orElse(null));
        }
        return refs;
    }

    private static void put(LinkedHashMap<String, String> refs, String type, String value) {
        Optional.ofNullable(value).filter(v -> !v.isEmpty()).ifPresent(v -> refs.put(type, v));
    }
}
