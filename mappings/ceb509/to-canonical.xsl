<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB509 (China departure report, 离境单) to one canonical GoodsMovement document (movement
  DEPARTURE, direction EXPORT) per ceb:Departure. The input has been validated against
  xsd/ceb/ceb509.xsd; the output is validated against the canonical schema. Strings are copied as
  they are (whitespace included); empty optional elements carry no value and are left out. The
  signature is not read.

  The carrier is the LOGISTICS_OPERATOR; trafMode, trafName, voyageNo and leaveTime are the
  Transport (Mode, ConveyanceName, ConveyanceReference, DepartureDateTime); msgCount and msgSeqNo
  the Part. The export schema lets the report's number (copNo, the record key) and a parcel's
  waybill number (what matches it to its inventory) be empty: they are refused.
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
  <xsl:include href="../ceb-common/ceb-movement.xsl"/>
  <xsl:include href="../common/adapter.xsl"/>

  <xsl:param name="partner" as="xs:string?"/>
  <xsl:param name="channel" as="xs:string?"/>
  <xsl:param name="received-at" as="xs:dateTime?"/>

  <xsl:variable name="partner-id" select="($partner[.], normalize-space(/ceb:CEB509Message/ceb:BaseTransfer/ceb:copCode))[1]"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB509Message/ceb:Departure"/>
  </xsl:template>

  <xsl:template match="ceb:Departure">
    <xsl:variable name="h" select="ceb:DepartureHead"/>
    <xsl:variable name="cop-no" select="cebc:required($h/ceb:copNo, 'the report''s own number is its key')"/>
    <xsl:document>
      <c:GoodsMovement>
        <c:Header>
          <c:RecordId><xsl:value-of select="$partner-id || ':' || adapter:record-key(.)"/></c:RecordId>
          <c:Function sourceCode="{$h/ceb:appType}"><xsl:value-of select="cebc:coded($cebc:functions, $h/ceb:appType)"/></c:Function>
          <c:FilingStatus sourceCode="{$h/ceb:appStatus}"><xsl:value-of select="cebc:coded($cebc:filing, $h/ceb:appStatus)"/></c:FilingStatus>
          <c:IssueDateTime><xsl:value-of select="cebc:date-time($h/ceb:appTime)"/></c:IssueDateTime>
          <xsl:call-template name="cebc:source">
            <xsl:with-param name="format" select="'ceb509'"/>
            <xsl:with-param name="partner" select="$partner-id"/>
            <xsl:with-param name="record-guid" select="string($h/ceb:guid)"/>
            <xsl:with-param name="index" select="count(preceding-sibling::ceb:Departure) + 1"/>
            <xsl:with-param name="channel" select="$channel"/>
            <xsl:with-param name="received-at" select="$received-at"/>
          </xsl:call-template>
        </c:Header>
        <c:TradeDirection>EXPORT</c:TradeDirection>
        <c:Movement>DEPARTURE</c:Movement>
        <c:LocalReference><xsl:value-of select="$cop-no"/></c:LocalReference>
        <xsl:for-each select="$h/ceb:preNo[string()]"><c:CustomsReference type="PRE_ENTRY_NUMBER"><xsl:value-of select="."/></c:CustomsReference></xsl:for-each>
        <c:DeclarationOffice><xsl:value-of select="$h/ceb:customsCode"/></c:DeclarationOffice>
        <xsl:for-each select="$h/ceb:billNo[string()]"><c:MasterDocument type="MASTER"><xsl:value-of select="."/></c:MasterDocument></xsl:for-each>
        <c:Transport>
          <c:Mode scheme="CN-TRANSPORT-MODE"><xsl:value-of select="cebc:code-value($h/ceb:trafMode)"/></c:Mode>
          <xsl:for-each select="$h/ceb:trafName[string()]"><c:ConveyanceName><xsl:value-of select="."/></c:ConveyanceName></xsl:for-each>
          <xsl:for-each select="$h/ceb:voyageNo[string()]"><c:ConveyanceReference><xsl:value-of select="."/></c:ConveyanceReference></xsl:for-each>
          <c:DepartureDateTime><xsl:value-of select="cebc:date-time($h/ceb:leaveTime)"/></c:DepartureDateTime>
        </c:Transport>
        <xsl:sequence select="cebc:enterprise('LOGISTICS_OPERATOR', $h/ceb:logisticsCode, $h/ceb:logisticsName)"/>
        <xsl:sequence select="cebc:part($h/ceb:msgSeqNo, $h/ceb:msgCount)"/>
        <xsl:for-each select="ceb:DepartureList"><xsl:sequence select="cebc:house-consignment(.)"/></xsl:for-each>
        <xsl:for-each select="$h/ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
      </c:GoodsMovement>
    </xsl:document>
  </xsl:template>
</xsl:stylesheet>
