<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB511 (China import logistics waybill) to canonical Shipment documents, one per ceb:Logistics.
  The input has been validated against xsd/ceb/ceb511.xsd; the output is validated against the
  canonical schema. Strings are copied as they are (whitespace included); numbers keep their
  lexical form; codes are normalised through mappings/codelists; empty optional elements are left out.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:adapter="urn:wco-ecom-adapter:engine"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:cl="urn:wco-ecom-adapter:codelists"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>
  <xsl:include href="../common/adapter.xsl"/>

  <!-- the partner the message came from; the sender code (copCode) when not given -->
  <xsl:param name="partner" as="xs:string?"/>
  <xsl:param name="channel" as="xs:string?"/>
  <xsl:param name="received-at" as="xs:dateTime?"/>

  <xsl:variable name="partner-id" select="($partner[.], normalize-space(/ceb:CEB511Message/ceb:BaseTransfer/ceb:copCode))[1]"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB511Message/ceb:Logistics"/>
  </xsl:template>

  <xsl:template match="ceb:Logistics">
    <xsl:variable name="h" select="ceb:LogisticsHead"/>
    <xsl:variable name="currency" select="cebc:currency($h/ceb:currency)"/>
    <xsl:document>
      <c:Shipment>
        <c:Header>
          <c:RecordId><xsl:value-of select="$partner-id || ':' || adapter:record-key(.)"/></c:RecordId>
          <c:Function sourceCode="{$h/ceb:appType}"><xsl:value-of select="cebc:coded($cebc:functions, $h/ceb:appType)"/></c:Function>
          <c:FilingStatus sourceCode="{$h/ceb:appStatus}"><xsl:value-of select="cebc:coded($cebc:filing, $h/ceb:appStatus)"/></c:FilingStatus>
          <c:IssueDateTime><xsl:value-of select="cebc:date-time($h/ceb:appTime)"/></c:IssueDateTime>
          <xsl:call-template name="cebc:source">
            <xsl:with-param name="format" select="'ceb511'"/>
            <xsl:with-param name="partner" select="$partner-id"/>
            <xsl:with-param name="record-guid" select="string($h/ceb:guid)"/>
            <xsl:with-param name="index" select="count(preceding-sibling::ceb:Logistics) + 1"/>
            <xsl:with-param name="channel" select="$channel"/>
            <xsl:with-param name="received-at" select="$received-at"/>
          </xsl:call-template>
        </c:Header>
        <c:TransportDocument type="HOUSE"><xsl:value-of select="$h/ceb:logisticsNo"/></c:TransportDocument>
        <xsl:for-each select="$h/ceb:billNo[string()]"><c:MasterDocument type="MASTER"><xsl:value-of select="."/></c:MasterDocument></xsl:for-each>
        <c:OrderNumber><xsl:value-of select="$h/ceb:orderNo"/></c:OrderNumber>
        <c:Party role="LOGISTICS_OPERATOR">
          <c:Name><xsl:value-of select="$h/ceb:logisticsName"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="$h/ceb:logisticsCode"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Party role="CONSIGNEE">
          <c:Name><xsl:value-of select="$h/ceb:consignee"/></c:Name>
          <c:Address>
            <c:Line><xsl:value-of select="$h/ceb:consigneeAddress"/></c:Line>
          </c:Address>
          <c:Communication type="TE"><xsl:value-of select="$h/ceb:consigneeTelephone"/></c:Communication>
        </c:Party>
        <xsl:for-each select="$h/ceb:freight[string()]"><c:Freight currency="{$currency}"><xsl:value-of select="normalize-space(.)"/></c:Freight></xsl:for-each>
        <xsl:for-each select="$h/ceb:insuredFee[string()]"><c:Insurance currency="{$currency}"><xsl:value-of select="normalize-space(.)"/></c:Insurance></xsl:for-each>
        <c:GrossWeight><xsl:value-of select="normalize-space($h/ceb:weight)"/></c:GrossWeight>
        <c:PackageCount>
          <xsl:value-of select="if (xs:integer($h/ceb:packNo) ge 0) then normalize-space($h/ceb:packNo)
              else error(xs:QName('err:VALUE_INVALID'), 'packNo &quot;' || $h/ceb:packNo || '&quot; must not be negative', $h/ceb:packNo)"/>
        </c:PackageCount>
        <xsl:for-each select="$h/ceb:goodsInfo[string()]"><c:ContentSummary><xsl:value-of select="."/></c:ContentSummary></xsl:for-each>
        <xsl:for-each select="$h/ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
      </c:Shipment>
    </xsl:document>
  </xsl:template>
</xsl:stylesheet>
