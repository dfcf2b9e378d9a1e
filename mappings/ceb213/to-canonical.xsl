<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB213 (China export return request, 出口退货申请单) to one canonical GoodsReturn document (stage
  REQUEST, direction EXPORT: the direction of the inventory the goods left under) per
  ceb:InvtRefund. The input has been validated against xsd/ceb/ceb213.xsd; the output is validated
  against the canonical schema. Strings are copied as they are (whitespace included); empty
  optional elements carry no value and are left out. The signature is not read.

  The export inventory is named in DeclarationReference by customs' number (invtNo, the record key:
  an empty one is refused). coElNo is the request's own number (LocalReference), preNo the E-port's
  (CustomsReference PRE_ENTRY_NUMBER). The goods come back under their own waybill (logisticsNo,
  TransportDocument, with its carrier, the LOGISTICS_OPERATOR) and bill (billNo, MasterDocument), by
  the Transport (trafMode, trafName, voyageNo) from a country (country, Transport/DepartureCountry)
  through a port (portCode, EntryOffice); tradeMode is the Procedure. ieFlag must be I (an export
  return comes in). The declaring enterprise is the DECLARANT, the platform the PLATFORM (无: no
  customs code), the e-commerce enterprise the SELLER. Each line keeps the inventory's line number
  (gnum), commodity code, name, model and the quantities returned with their units.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:cl="urn:wco-ecom-adapter:codelists"
    xmlns:adapter="urn:wco-ecom-adapter:engine"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>
  <xsl:include href="../common/adapter.xsl"/>

  <xsl:param name="partner" as="xs:string?"/>
  <xsl:param name="channel" as="xs:string?"/>
  <xsl:param name="received-at" as="xs:dateTime?"/>

  <xsl:variable name="partner-id" select="($partner[.], normalize-space(/ceb:CEB213Message/ceb:BaseTransfer/ceb:copCode))[1]"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB213Message/ceb:InvtRefund"/>
  </xsl:template>

  <xsl:template match="ceb:InvtRefund">
    <xsl:variable name="h" select="ceb:InvtRefundHead"/>
    <xsl:variable name="inventory" select="cebc:required($h/ceb:invtNo, 'customs'' number of the export inventory is the request''s key')"/>
    <xsl:if test="$h/ceb:ieFlag ne 'I'">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'ieFlag &quot;' || $h/ceb:ieFlag || '&quot; must be I: the goods of an export return come in', $h/ceb:ieFlag)"/>
    </xsl:if>
    <xsl:document>
      <c:GoodsReturn>
        <c:Header>
          <c:RecordId><xsl:value-of select="$partner-id || ':' || adapter:record-key(.)"/></c:RecordId>
          <c:Function sourceCode="{$h/ceb:appType}"><xsl:value-of select="cebc:coded($cebc:functions, $h/ceb:appType)"/></c:Function>
          <c:FilingStatus sourceCode="{$h/ceb:appStatus}"><xsl:value-of select="cebc:coded($cebc:filing, $h/ceb:appStatus)"/></c:FilingStatus>
          <c:IssueDateTime><xsl:value-of select="cebc:date-time($h/ceb:appTime)"/></c:IssueDateTime>
          <xsl:call-template name="cebc:source">
            <xsl:with-param name="format" select="'ceb213'"/>
            <xsl:with-param name="partner" select="$partner-id"/>
            <xsl:with-param name="record-guid" select="string($h/ceb:guid)"/>
            <xsl:with-param name="index" select="count(preceding-sibling::ceb:InvtRefund) + 1"/>
            <xsl:with-param name="channel" select="$channel"/>
            <xsl:with-param name="received-at" select="$received-at"/>
          </xsl:call-template>
        </c:Header>
        <c:TradeDirection>EXPORT</c:TradeDirection>
        <c:Stage>REQUEST</c:Stage>
        <xsl:for-each select="$h/ceb:coElNo[string()]"><c:LocalReference><xsl:value-of select="."/></c:LocalReference></xsl:for-each>
        <xsl:for-each select="$h/ceb:preNo[string()]"><c:CustomsReference type="PRE_ENTRY_NUMBER"><xsl:value-of select="."/></c:CustomsReference></xsl:for-each>
        <c:DeclarationOffice><xsl:value-of select="$h/ceb:customsCode"/></c:DeclarationOffice>
        <xsl:for-each select="$h/ceb:loctNo[string()]"><c:GoodsLocation><xsl:value-of select="."/></c:GoodsLocation></xsl:for-each>
        <xsl:for-each select="$h/ceb:tradeMode"><c:Procedure scheme="CN-SUPERVISION-MODE"><xsl:value-of select="cebc:code-value(.)"/></c:Procedure></xsl:for-each>
        <c:DeclarationReference>
          <c:Reference type="INVENTORY_NUMBER"><xsl:value-of select="$inventory"/></c:Reference>
        </c:DeclarationReference>
        <xsl:for-each select="$h/ceb:logisticsNo[string()]"><c:TransportDocument type="HOUSE"><xsl:value-of select="."/></c:TransportDocument></xsl:for-each>
        <xsl:for-each select="$h/ceb:billNo[string()]"><c:MasterDocument type="MASTER"><xsl:value-of select="."/></c:MasterDocument></xsl:for-each>
        <xsl:for-each select="$h/ceb:portCode[string()]"><c:EntryOffice><xsl:value-of select="."/></c:EntryOffice></xsl:for-each>
        <c:Transport>
          <xsl:for-each select="$h/ceb:trafMode[normalize-space()]"><c:Mode scheme="CN-TRANSPORT-MODE"><xsl:value-of select="normalize-space()"/></c:Mode></xsl:for-each>
          <xsl:for-each select="$h/ceb:trafName[string()]"><c:ConveyanceName><xsl:value-of select="."/></c:ConveyanceName></xsl:for-each>
          <xsl:for-each select="$h/ceb:voyageNo[string()]"><c:ConveyanceReference><xsl:value-of select="."/></c:ConveyanceReference></xsl:for-each>
          <xsl:for-each select="$h/ceb:country[string()]">
            <c:DepartureCountry sourceCode="{.}"><xsl:value-of select="cl:iso-country(., .)"/></c:DepartureCountry>
          </xsl:for-each>
        </c:Transport>
        <xsl:sequence select="cebc:enterprise('DECLARANT', $h/ceb:agentCode, $h/ceb:agentName)"/>
        <xsl:sequence select="cebc:enterprise('PLATFORM', $h/ceb:ebpCode, $h/ceb:ebpName)"/>
        <xsl:sequence select="cebc:enterprise('SELLER', $h/ceb:ebcCode, $h/ceb:ebcName)"/>
        <xsl:sequence select="cebc:enterprise('LOGISTICS_OPERATOR', $h/ceb:logisticsCode, $h/ceb:logisticsName)"/>
        <c:Reason><xsl:value-of select="$h/ceb:reason"/></c:Reason>
        <xsl:apply-templates select="ceb:InvtRefundList"/>
        <xsl:for-each select="$h/ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
      </c:GoodsReturn>
    </xsl:document>
  </xsl:template>

  <xsl:template match="ceb:InvtRefundList">
    <c:Line>
      <c:Sequence><xsl:value-of select="normalize-space(ceb:gnum)"/></c:Sequence>
      <c:Classification scheme="CN-CUSTOMS10">
        <xsl:value-of select="if (matches(ceb:gcode, '^[0-9]{2,10}$')) then string(ceb:gcode)
            else error(xs:QName('err:VALUE_INVALID'), 'gcode &quot;' || ceb:gcode || '&quot; must be the inventory''s commodity code (digits)', ceb:gcode)"/>
      </c:Classification>
      <c:Description><xsl:value-of select="ceb:gname"/></c:Description>
      <c:Model><xsl:value-of select="ceb:gmodel"/></c:Model>
      <c:Quantity unitCode="{cl:unece-unit(ceb:unit, ceb:unit)}" sourceUnitCode="{ceb:unit}"><xsl:value-of select="normalize-space(ceb:qty)"/></c:Quantity>
      <c:LegalQuantity unitCode="{cl:unece-unit(ceb:unit1, ceb:unit1)}" sourceUnitCode="{ceb:unit1}"><xsl:value-of select="normalize-space(ceb:qty1)"/></c:LegalQuantity>
      <xsl:choose>
        <xsl:when test="string(ceb:qty2) and string(ceb:unit2)">
          <c:LegalQuantity unitCode="{cl:unece-unit(ceb:unit2, ceb:unit2)}" sourceUnitCode="{ceb:unit2}"><xsl:value-of select="normalize-space(ceb:qty2)"/></c:LegalQuantity>
        </xsl:when>
        <xsl:when test="string(ceb:qty2) or string(ceb:unit2)">
          <xsl:variable name="given" select="(ceb:qty2, ceb:unit2)[string()][1]"/>
          <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'),
              'qty2 and unit2 (the second legal quantity) go together: ' || local-name($given) || ' &quot;' || $given || '&quot; is given without the other', $given)"/>
        </xsl:when>
      </xsl:choose>
      <xsl:for-each select="ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
    </c:Line>
  </xsl:template>
</xsl:stylesheet>
