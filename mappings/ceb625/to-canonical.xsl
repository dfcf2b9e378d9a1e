<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB625 (China import return request, 退货申请单) to canonical GoodsReturn documents (stage REQUEST),
  one per ceb:InvtRefund. The input has been validated against xsd/ceb/ceb625.xsd (signature
  included); the output is validated against the canonical schema. Strings are copied as they are
  (whitespace included); numbers keep their lexical form; units are normalised through
  mappings/codelists; empty optional elements carry no value and are left out. The signature is not
  business content and is not read.
  copNo and preNo are the request's own numbers; the released inventory is named by invtNo,
  orderNo and logisticsNo (its parcel's waybill), each line by the inventory's line number (gnum).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:cl="urn:wco-ecom-adapter:codelists"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>

  <!-- the partner the message came from; the sender code (copCode) when not given -->
  <xsl:param name="partner" as="xs:string?"/>
  <xsl:param name="channel" as="xs:string?"/>
  <xsl:param name="received-at" as="xs:dateTime?"/>

  <xsl:variable name="partner-id" select="($partner[.], normalize-space(/ceb:CEB625Message/ceb:BaseTransfer/ceb:copCode))[1]"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB625Message/ceb:InvtRefund"/>
  </xsl:template>

  <xsl:template match="ceb:InvtRefund">
    <xsl:variable name="h" select="ceb:InvtRefundHead"/>
    <xsl:document>
      <c:GoodsReturn>
        <c:Header>
          <c:RecordId><xsl:value-of select="$partner-id || ':' || $h/ceb:invtNo"/></c:RecordId>
          <c:Function sourceCode="{$h/ceb:appType}"><xsl:value-of select="cebc:coded($cebc:functions, $h/ceb:appType)"/></c:Function>
          <c:FilingStatus sourceCode="{$h/ceb:appStatus}"><xsl:value-of select="cebc:coded($cebc:filing, $h/ceb:appStatus)"/></c:FilingStatus>
          <c:IssueDateTime><xsl:value-of select="cebc:date-time($h/ceb:appTime)"/></c:IssueDateTime>
          <xsl:call-template name="cebc:source">
            <xsl:with-param name="format" select="'ceb625'"/>
            <xsl:with-param name="partner" select="$partner-id"/>
            <xsl:with-param name="record-guid" select="string($h/ceb:guid)"/>
            <xsl:with-param name="index" select="count(preceding-sibling::ceb:InvtRefund) + 1"/>
            <xsl:with-param name="channel" select="$channel"/>
            <xsl:with-param name="received-at" select="$received-at"/>
          </xsl:call-template>
        </c:Header>
        <!-- the goods were released under an import inventory; the message has no ieFlag -->
        <c:TradeDirection>IMPORT</c:TradeDirection>
        <c:Stage>REQUEST</c:Stage>
        <xsl:for-each select="$h/ceb:copNo[string()]"><c:LocalReference><xsl:value-of select="."/></c:LocalReference></xsl:for-each>
        <xsl:for-each select="$h/ceb:preNo[string()]"><c:CustomsReference type="PRE_ENTRY_NUMBER"><xsl:value-of select="."/></c:CustomsReference></xsl:for-each>
        <c:DeclarationOffice><xsl:value-of select="$h/ceb:customsCode"/></c:DeclarationOffice>
        <c:DeclarationReference>
          <c:Reference type="INVENTORY_NUMBER"><xsl:value-of select="$h/ceb:invtNo"/></c:Reference>
          <c:Reference type="ORDER_NUMBER"><xsl:value-of select="$h/ceb:orderNo"/></c:Reference>
          <c:Reference type="WAYBILL_NUMBER"><xsl:value-of select="$h/ceb:logisticsNo"/></c:Reference>
        </c:DeclarationReference>
        <c:Party role="DECLARANT">
          <c:Name><xsl:value-of select="$h/ceb:agentName"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="$h/ceb:agentCode"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Party role="PLATFORM">
          <c:Name><xsl:value-of select="$h/ceb:ebpName"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="$h/ceb:ebpCode"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Party role="SELLER">
          <c:Name><xsl:value-of select="$h/ceb:ebcName"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="$h/ceb:ebcCode"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Party role="LOGISTICS_OPERATOR">
          <c:Name><xsl:value-of select="$h/ceb:logisticsName"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="$h/ceb:logisticsCode"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Party role="BUYER">
          <c:Name><xsl:value-of select="$h/ceb:buyerName"/></c:Name>
          <c:Identifier scheme="{cebc:coded($cebc:id-schemes, $h/ceb:buyerIdType)}" sourceCode="{$h/ceb:buyerIdType}"><xsl:value-of select="$h/ceb:buyerIdNumber"/></c:Identifier>
          <c:TypeOfPerson>NATURAL</c:TypeOfPerson>
          <c:Communication type="TE"><xsl:value-of select="$h/ceb:buyerTelephone"/></c:Communication>
        </c:Party>
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
        <xsl:value-of select="if (matches(ceb:gcode, '^[0-9]{10}$')) then string(ceb:gcode)
            else error(xs:QName('err:VALUE_INVALID'), 'gcode &quot;' || ceb:gcode || '&quot; must be a commodity code of 10 digits', ceb:gcode)"/>
      </c:Classification>
      <c:Description><xsl:value-of select="ceb:gname"/></c:Description>
      <c:Quantity unitCode="{cl:unece-unit(ceb:unit, ceb:unit)}" sourceUnitCode="{ceb:unit}"><xsl:value-of select="normalize-space(ceb:qty)"/></c:Quantity>
      <xsl:for-each select="ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
    </c:Line>
  </xsl:template>
</xsl:stylesheet>
