<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB623 (China import inventory cancellation request, 撤销申请单) to canonical Cancellation
  documents, one per ceb:InvtCancel. The input has been validated against xsd/ceb/ceb623.xsd
  (signature included); the output is validated against the canonical schema. Strings are copied as
  they are (whitespace included); empty optional elements carry no value and are left out. The
  signature is not business content and is not read.
  copNo and preNo are the request's own numbers (the specification: "the number identifying the
  document"); the inventory to cancel is named by invtNo, orderNo and logisticsNo.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>

  <!-- the partner the message came from; the sender code (copCode) when not given -->
  <xsl:param name="partner" as="xs:string?"/>
  <xsl:param name="channel" as="xs:string?"/>
  <xsl:param name="received-at" as="xs:dateTime?"/>

  <xsl:variable name="partner-id" select="($partner[.], normalize-space(/ceb:CEB623Message/ceb:BaseTransfer/ceb:copCode))[1]"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB623Message/ceb:InvtCancel"/>
  </xsl:template>

  <xsl:template match="ceb:InvtCancel">
    <xsl:document>
      <c:Cancellation>
        <c:Header>
          <c:RecordId><xsl:value-of select="$partner-id || ':' || ceb:invtNo"/></c:RecordId>
          <c:Function sourceCode="{ceb:appType}"><xsl:value-of select="cebc:coded($cebc:functions, ceb:appType)"/></c:Function>
          <c:FilingStatus sourceCode="{ceb:appStatus}"><xsl:value-of select="cebc:coded($cebc:filing, ceb:appStatus)"/></c:FilingStatus>
          <c:IssueDateTime><xsl:value-of select="cebc:date-time(ceb:appTime)"/></c:IssueDateTime>
          <xsl:call-template name="cebc:source">
            <xsl:with-param name="format" select="'ceb623'"/>
            <xsl:with-param name="partner" select="$partner-id"/>
            <xsl:with-param name="record-guid" select="string(ceb:guid)"/>
            <xsl:with-param name="index" select="count(preceding-sibling::ceb:InvtCancel) + 1"/>
            <xsl:with-param name="channel" select="$channel"/>
            <xsl:with-param name="received-at" select="$received-at"/>
          </xsl:call-template>
        </c:Header>
        <!-- a CEB623 cancels an import inventory; the message has no ieFlag -->
        <c:TradeDirection>IMPORT</c:TradeDirection>
        <xsl:for-each select="ceb:copNo[string()]"><c:LocalReference><xsl:value-of select="."/></c:LocalReference></xsl:for-each>
        <xsl:for-each select="ceb:preNo[string()]"><c:CustomsReference type="PRE_ENTRY_NUMBER"><xsl:value-of select="."/></c:CustomsReference></xsl:for-each>
        <c:DeclarationOffice><xsl:value-of select="ceb:customsCode"/></c:DeclarationOffice>
        <c:DeclarationReference>
          <c:Reference type="INVENTORY_NUMBER"><xsl:value-of select="ceb:invtNo"/></c:Reference>
          <c:Reference type="ORDER_NUMBER"><xsl:value-of select="ceb:orderNo"/></c:Reference>
          <c:Reference type="WAYBILL_NUMBER"><xsl:value-of select="ceb:logisticsNo"/></c:Reference>
        </c:DeclarationReference>
        <c:Party role="DECLARANT">
          <c:Name><xsl:value-of select="ceb:agentName"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="ceb:agentCode"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Party role="PLATFORM">
          <c:Name><xsl:value-of select="ceb:ebpName"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="ceb:ebpCode"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Party role="SELLER">
          <c:Name><xsl:value-of select="ceb:ebcName"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="ceb:ebcCode"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Party role="LOGISTICS_OPERATOR">
          <c:Name><xsl:value-of select="ceb:logisticsName"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="ceb:logisticsCode"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Party role="BUYER">
          <c:Name><xsl:value-of select="ceb:buyerName"/></c:Name>
          <c:Identifier scheme="{cebc:coded($cebc:id-schemes, ceb:buyerIdType)}" sourceCode="{ceb:buyerIdType}"><xsl:value-of select="ceb:buyerIdNumber"/></c:Identifier>
          <c:TypeOfPerson>NATURAL</c:TypeOfPerson>
          <c:Communication type="TE"><xsl:value-of select="ceb:buyerTelephone"/></c:Communication>
        </c:Party>
        <c:Reason><xsl:value-of select="ceb:reason"/></c:Reason>
        <xsl:for-each select="ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
      </c:Cancellation>
    </xsl:document>
  </xsl:template>
</xsl:stylesheet>
