<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB605 (China export inventory cancellation request, 出口撤销申请单) to one canonical Cancellation
  document (direction EXPORT) per ceb:InvtCancel. The input has been validated against
  xsd/ceb/ceb605.xsd; the output is validated against the canonical schema. Strings are copied as
  they are (whitespace included); empty optional elements carry no value and are left out. The
  signature is not read.

  The inventory withdrawn is named in DeclarationReference by customs' number (invtNo,
  INVENTORY_NUMBER, the record key: an empty one is refused) and by the declaring enterprise's own
  number of it (copNo, LOCAL_REFERENCE: the key of its CEB603 record), where CEB623 reads copNo as the
  request's own number (the export specification describes it as the number identifying the
  inventory). preNo, the E-port's number of the request, is CustomsReference PRE_ENTRY_NUMBER. The
  declaring enterprise is the DECLARANT, the e-commerce enterprise the SELLER (the consignor).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:adapter="urn:wco-ecom-adapter:engine"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>
  <xsl:include href="../common/adapter.xsl"/>

  <xsl:param name="partner" as="xs:string?"/>
  <xsl:param name="channel" as="xs:string?"/>
  <xsl:param name="received-at" as="xs:dateTime?"/>

  <xsl:variable name="partner-id" select="($partner[.], normalize-space(/ceb:CEB605Message/ceb:BaseTransfer/ceb:copCode))[1]"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB605Message/ceb:InvtCancel"/>
  </xsl:template>

  <xsl:template match="ceb:InvtCancel">
    <xsl:variable name="inventory" select="cebc:required(ceb:invtNo, 'customs'' number of the inventory to cancel is the request''s key')"/>
    <xsl:document>
      <c:Cancellation>
        <c:Header>
          <c:RecordId><xsl:value-of select="$partner-id || ':' || adapter:record-key(.)"/></c:RecordId>
          <c:Function sourceCode="{ceb:appType}"><xsl:value-of select="cebc:coded($cebc:functions, ceb:appType)"/></c:Function>
          <c:FilingStatus sourceCode="{ceb:appStatus}"><xsl:value-of select="cebc:coded($cebc:filing, ceb:appStatus)"/></c:FilingStatus>
          <c:IssueDateTime><xsl:value-of select="cebc:date-time(ceb:appTime)"/></c:IssueDateTime>
          <xsl:call-template name="cebc:source">
            <xsl:with-param name="format" select="'ceb605'"/>
            <xsl:with-param name="partner" select="$partner-id"/>
            <xsl:with-param name="record-guid" select="string(ceb:guid)"/>
            <xsl:with-param name="index" select="count(preceding-sibling::ceb:InvtCancel) + 1"/>
            <xsl:with-param name="channel" select="$channel"/>
            <xsl:with-param name="received-at" select="$received-at"/>
          </xsl:call-template>
        </c:Header>
        <!-- a CEB605 cancels an export inventory; the message has no ieFlag -->
        <c:TradeDirection>EXPORT</c:TradeDirection>
        <xsl:for-each select="ceb:preNo[string()]"><c:CustomsReference type="PRE_ENTRY_NUMBER"><xsl:value-of select="."/></c:CustomsReference></xsl:for-each>
        <c:DeclarationOffice><xsl:value-of select="ceb:customsCode"/></c:DeclarationOffice>
        <c:DeclarationReference>
          <c:Reference type="INVENTORY_NUMBER"><xsl:value-of select="$inventory"/></c:Reference>
          <xsl:for-each select="ceb:copNo[string()]"><c:Reference type="LOCAL_REFERENCE"><xsl:value-of select="."/></c:Reference></xsl:for-each>
        </c:DeclarationReference>
        <xsl:sequence select="cebc:enterprise('DECLARANT', ceb:agentCode, ceb:agentName)"/>
        <xsl:sequence select="cebc:enterprise('SELLER', ceb:ebcCode, ceb:ebcName)"/>
        <c:Reason><xsl:value-of select="ceb:reason"/></c:Reason>
        <xsl:for-each select="ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
      </c:Cancellation>
    </xsl:document>
  </xsl:template>
</xsl:stylesheet>
