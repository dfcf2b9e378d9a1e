<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB816 (China customs electronic tax bill, 电子税单) to canonical TaxBill documents, one per
  ceb:Tax. The input has been validated against xsd/ceb/ceb816.xsd; the output is validated against
  the canonical schema. The message comes from customs: the partner is "customs" unless given. Tax
  amounts are in CNY (the message names no currency); numbers keep their lexical form. The three
  taxes of the head become the TaxAssessment (Basis ASSESSMENT) with their sum as its Total; each
  goods line keeps its dutiable value and its three taxes.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:tb="urn:wco-ecom-adapter:ceb-tax-bill"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-tax-bill.xsl"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB816Message/ceb:Tax"/>
  </xsl:template>

  <xsl:template match="ceb:Tax">
    <xsl:variable name="h" select="ceb:TaxHeadRd"/>
    <xsl:document>
      <c:TaxBill>
        <xsl:call-template name="tb:header">
          <xsl:with-param name="head" select="$h"/>
          <xsl:with-param name="format" select="'ceb816'"/>
          <xsl:with-param name="record-key" select="string($h/ceb:taxNo)"/>
        </xsl:call-template>
        <c:TaxBillNumber><xsl:value-of select="$h/ceb:taxNo"/></c:TaxBillNumber>
        <xsl:sequence select="tb:status($h/ceb:status)"/>
        <c:DeclarationReference>
          <c:Reference type="INVENTORY_NUMBER"><xsl:value-of select="$h/ceb:invtNo"/></c:Reference>
        </c:DeclarationReference>
        <xsl:for-each select="$h/ceb:customsCode[string()]"><c:DeclarationOffice><xsl:value-of select="."/></c:DeclarationOffice></xsl:for-each>
        <xsl:for-each select="$h/ceb:entDutyNo[string()]"><c:PaymentNoticeNumber><xsl:value-of select="."/></c:PaymentNoticeNumber></xsl:for-each>
        <xsl:sequence select="tb:party('GUARANTOR', $h/ceb:assureCode), tb:party('SELLER', $h/ceb:ebcCode),
                              tb:party('LOGISTICS_OPERATOR', $h/ceb:logisticsCode), tb:party('DECLARANT', $h/ceb:agentCode)"/>
        <c:TaxAssessment>
          <c:Basis>ASSESSMENT</c:Basis>
          <xsl:sequence select="tb:taxes($h)"/>
          <c:Total currency="CNY"><xsl:value-of select="sum(($h/ceb:customsTax, $h/ceb:valueAddedTax, $h/ceb:consumptionTax) ! xs:decimal(.))"/></c:Total>
        </c:TaxAssessment>
        <xsl:for-each select="ceb:TaxListRd">
          <c:Line>
            <c:Sequence><xsl:value-of select="normalize-space(ceb:gnum)"/></c:Sequence>
            <c:Classification scheme="CN-CUSTOMS10">
              <xsl:value-of select="if (matches(ceb:gcode, '^[0-9]{10}$')) then string(ceb:gcode)
                  else error(xs:QName('err:VALUE_INVALID'), 'gcode &quot;' || ceb:gcode || '&quot; must be a commodity code of 10 digits', ceb:gcode)"/>
            </c:Classification>
            <c:CustomsValue currency="CNY"><xsl:value-of select="normalize-space(ceb:taxPrice)"/></c:CustomsValue>
            <xsl:sequence select="tb:taxes(.)"/>
          </c:Line>
        </xsl:for-each>
        <xsl:for-each select="$h/ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
      </c:TaxBill>
    </xsl:document>
  </xsl:template>
</xsl:stylesheet>
