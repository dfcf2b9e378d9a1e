<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB507 (China arrival report, 运抵单) to one canonical GoodsMovement document (movement ARRIVAL)
  per ceb:Arrival. The input has been validated against xsd/ceb/ceb507.xsd; the output is
  validated against the canonical schema. Strings are copied as they are (whitespace included);
  empty optional elements carry no value and are left out. The signature is not read.

  The operator of the supervised site is the WAREHOUSE_KEEPER, the carrier the LOGISTICS_OPERATOR;
  ieFlag gives the trade direction (the export schema allows I as well as E); the domestic means of
  transport that brought the goods (domesticTrafNo) is the InlandTransport's ConveyanceName;
  msgCount and msgSeqNo the Part. The export schema lets the report's number (copNo, the record
  key) and a parcel's waybill number (what matches it to its inventory) be empty: they are refused.
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

  <xsl:variable name="partner-id" select="($partner[.], normalize-space(/ceb:CEB507Message/ceb:BaseTransfer/ceb:copCode))[1]"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB507Message/ceb:Arrival"/>
  </xsl:template>

  <xsl:template match="ceb:Arrival">
    <xsl:variable name="h" select="ceb:ArrivalHead"/>
    <xsl:variable name="cop-no" select="cebc:required($h/ceb:copNo, 'the report''s own number is its key')"/>
    <xsl:variable name="app-status" select="cebc:or-default($h/ceb:appStatus, '1')"/>
    <xsl:document>
      <c:GoodsMovement>
        <c:Header>
          <c:RecordId><xsl:value-of select="$partner-id || ':' || adapter:record-key(.)"/></c:RecordId>
          <c:Function sourceCode="{$h/ceb:appType}"><xsl:value-of select="cebc:coded($cebc:functions, $h/ceb:appType)"/></c:Function>
          <c:FilingStatus sourceCode="{$app-status}"><xsl:value-of select="cebc:coded($cebc:filing, $app-status, $h/ceb:appStatus)"/></c:FilingStatus>
          <c:IssueDateTime><xsl:value-of select="cebc:date-time($h/ceb:appTime)"/></c:IssueDateTime>
          <xsl:call-template name="cebc:source">
            <xsl:with-param name="format" select="'ceb507'"/>
            <xsl:with-param name="partner" select="$partner-id"/>
            <xsl:with-param name="record-guid" select="string($h/ceb:guid)"/>
            <xsl:with-param name="index" select="count(preceding-sibling::ceb:Arrival) + 1"/>
            <xsl:with-param name="channel" select="$channel"/>
            <xsl:with-param name="received-at" select="$received-at"/>
          </xsl:call-template>
        </c:Header>
        <c:TradeDirection sourceCode="{$h/ceb:ieFlag}"><xsl:value-of select="cebc:coded($cebc:directions, $h/ceb:ieFlag)"/></c:TradeDirection>
        <c:Movement>ARRIVAL</c:Movement>
        <c:LocalReference><xsl:value-of select="$cop-no"/></c:LocalReference>
        <xsl:for-each select="$h/ceb:preNo[string()]"><c:CustomsReference type="PRE_ENTRY_NUMBER"><xsl:value-of select="."/></c:CustomsReference></xsl:for-each>
        <c:DeclarationOffice><xsl:value-of select="$h/ceb:customsCode"/></c:DeclarationOffice>
        <xsl:for-each select="$h/ceb:loctNo[string()]"><c:GoodsLocation><xsl:value-of select="."/></c:GoodsLocation></xsl:for-each>
        <xsl:for-each select="$h/ceb:billNo[string()]"><c:MasterDocument type="MASTER"><xsl:value-of select="."/></c:MasterDocument></xsl:for-each>
        <c:Transport>
          <c:Mode scheme="CN-TRANSPORT-MODE"><xsl:value-of select="cebc:code-value($h/ceb:trafMode)"/></c:Mode>
        </c:Transport>
        <c:InlandTransport>
          <c:ConveyanceName><xsl:value-of select="$h/ceb:domesticTrafNo"/></c:ConveyanceName>
        </c:InlandTransport>
        <xsl:sequence select="cebc:enterprise('WAREHOUSE_KEEPER', $h/ceb:operatorCode, $h/ceb:operatorName)"/>
        <xsl:sequence select="cebc:enterprise('LOGISTICS_OPERATOR', $h/ceb:logisticsCode, $h/ceb:logisticsName)"/>
        <xsl:sequence select="cebc:part($h/ceb:msgSeqNo, $h/ceb:msgCount)"/>
        <xsl:apply-templates select="ceb:ArrivalList"/>
        <xsl:for-each select="$h/ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
      </c:GoodsMovement>
    </xsl:document>
  </xsl:template>

  <xsl:template match="ceb:ArrivalList">
    <xsl:sequence select="cebc:house-consignment(.)"/>
  </xsl:template>
</xsl:stylesheet>
