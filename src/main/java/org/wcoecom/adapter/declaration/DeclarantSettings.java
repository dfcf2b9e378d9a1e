package org.wcoecom.adapter.declaration;

import java.util.Optional;

import org.wcoecom.adapter.settings.Settings;

/**
 * What a declaration needs that no partner document carries: the declaring agent, the customs
 * offices, the supervision mode and transport, and who guarantees the taxes (adapter.declaration.*).
 */
public record DeclarantSettings(String agentCode, String agentName, String dxpId, String customsCode, String portCode,
                                String tradeMode, String trafMode, Optional<String> trafNo, Optional<String> voyageNo,
                                Optional<String> areaCode, Optional<String> areaName, Optional<String> emsNo,
                                Optional<String> wrapType, Optional<String> departureCountry, String assure) {

    public static DeclarantSettings from(Settings s) {
        String assure = s.get("adapter.declaration.assure");
        if (!assure.equals("seller") && !assure.equals("platform") && !assure.equals("logistics")) {
            throw new IllegalArgumentException("adapter.declaration.assure must be seller, platform or logistics, not " + assure);
        }
        return new DeclarantSettings(s.get("adapter.declaration.agent-code"), s.get("adapter.declaration.agent-name"),
                s.get("adapter.declaration.dxp-id"), s.get("adapter.declaration.customs-code"), s.get("adapter.declaration.port-code"),
                s.get("adapter.declaration.trade-mode"), s.get("adapter.declaration.traf-mode"),
                s.optional("adapter.declaration.traf-no"), s.optional("adapter.declaration.voyage-no"),
                s.optional("adapter.declaration.area-code"), s.optional("adapter.declaration.area-name"),
                s.optional("adapter.declaration.ems-no"), s.optional("adapter.declaration.wrap-type"),
                s.optional("adapter.declaration.departure-country"), assure);
    }
}
