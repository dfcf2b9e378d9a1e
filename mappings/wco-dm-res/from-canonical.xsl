<?xml version="1.0" encoding="UTF-8"?>
<!--
  A canonical Response to a wco-dm-res response (WCO Data Model 3.6 profile, namespace
  urn:wco:datamodel:WCO:RES-DMS:2). The function code is the one kept from a WCO DM response
  (StatusCode scheme WCO-RES-FUNCTION), else the outcome's: 01 accepted, 02 received, 03 rejected
  (also duplicates and errors), 05 under control, 09 released or closed, 10 cancelled. Each error
  keeps its code, description and pointers (path and document; line and column are not in the
  WCO DM). The declaration answered is named by its LRN and by the number customs gave it, or the
  adapter's record id when it has none.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns="urn:wco:datamodel:WCO:RES-DMS:2"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:wco="urn:wco-ecom-adapter:wco-dm-common"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../wco-dm-common/wco-dm-common.xsl"/>

  <xsl:variable name="NS" select="'urn:wco:datamodel:WCO:RES-DMS:2'"/>
  <xsl:variable name="codes" select="map{'ACCEPTED': '01', 'RECEIVED': '02', 'REJECTED': '03', 'DUPLICATE': '03',
      'ERROR': '03', 'UNDER_CONTROL': '05', 'RELEASED': '09', 'CLOSED': '09', 'CANCELLED': '10'}"/>
  <xsl:variable name="customs-numbers" select="('MRN', 'PRE_ENTRY_NUMBER', 'INVENTORY_NUMBER')"/>

  <xsl:template match="/">
    <xsl:variable name="responses" select="c:Response | c:Batch/c:Response"/>
    <xsl:if test="count($responses) != 1 or exists(c:Batch/*[not(self::c:Response)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a WCO DM response message carries exactly one canonical Response', *)"/>
    </xsl:if>
    <xsl:apply-templates select="$responses"/>
  </xsl:template>

  <xsl:template match="c:Response">
    <xsl:variable name="refs" select="c:RefersTo/c:Reference"/>
    <Response>
      <FunctionCode><xsl:value-of select="(c:StatusCode[@scheme = 'WCO-RES-FUNCTION'], $codes(string(c:Outcome)))[1]"/></FunctionCode>
      <FunctionalReferenceID><xsl:value-of select="c:ResponseId"/></FunctionalReferenceID>
      <xsl:sequence select="wco:date-time('IssueDateTime', $NS, c:IssueDateTime)"/>
      <xsl:for-each select="c:Message[string()]"><AdditionalInformation><StatementDescription><xsl:value-of select="."/></StatementDescription><StatementTypeCode>AAI</StatementTypeCode></AdditionalInformation></xsl:for-each>
      <xsl:for-each select="c:Error">
        <Error>
          <Description><xsl:value-of select="c:Description"/></Description>
          <ValidationCode><xsl:value-of select="c:Code"/></ValidationCode>
          <xsl:for-each select="c:Pointer">
            <Pointer>
              <SequenceNumeric><xsl:value-of select="position()"/></SequenceNumeric>
              <xsl:for-each select="c:Document"><DocumentSectionCode><xsl:value-of select="."/></DocumentSectionCode></xsl:for-each>
              <TagID><xsl:value-of select="c:Path"/></TagID>
            </Pointer>
          </xsl:for-each>
        </Error>
      </xsl:for-each>
      <xsl:for-each select="c:ReleaseDateTime"><Status><xsl:sequence select="wco:date-time('ReleaseDateTime', $NS, .)"/></Status></xsl:for-each>
      <Declaration>
        <xsl:for-each select="c:AcceptanceDateTime"><xsl:sequence select="wco:date-time('AcceptanceDateTime', $NS, .)"/></xsl:for-each>
        <xsl:for-each select="$refs[@type = 'LOCAL_REFERENCE'][1]"><FunctionalReferenceID><xsl:value-of select="."/></FunctionalReferenceID></xsl:for-each>
        <xsl:variable name="number" select="($refs[@type = $customs-numbers][string()])[1]"/>
        <xsl:choose>
          <xsl:when test="$number">
            <ID><xsl:if test="$number/@type != 'MRN'"><xsl:attribute name="schemeID" select="$number/@type"/></xsl:if><xsl:value-of select="$number"/></ID>
          </xsl:when>
          <xsl:when test="c:RefersTo/c:RecordId"><ID schemeID="RECORD_ID"><xsl:value-of select="c:RefersTo/c:RecordId"/></ID></xsl:when>
        </xsl:choose>
        <xsl:for-each select="c:RejectionDateTime"><xsl:sequence select="wco:date-time('RejectionDateTime', $NS, .)"/></xsl:for-each>
        <xsl:for-each select="$refs[@type = 'VERSION'][1]"><VersionID><xsl:value-of select="."/></VersionID></xsl:for-each>
        <xsl:for-each select="c:TaxAssessment/c:Tax">
          <DutyTaxFee>
            <xsl:for-each select="c:Base"><AdValoremTaxBaseAmount currencyID="{@currency}"><xsl:value-of select="."/></AdValoremTaxBaseAmount></xsl:for-each>
            <xsl:for-each select="c:Rate"><TaxRateNumeric><xsl:value-of select="."/></TaxRateNumeric></xsl:for-each>
            <xsl:for-each select="c:Type[. != 'UNSPECIFIED']"><TypeCode><xsl:for-each select="@scheme"><xsl:attribute name="listID" select="."/></xsl:for-each><xsl:value-of select="."/></TypeCode></xsl:for-each>
            <Payment><TaxAssessedAmount currencyID="{c:Amount/@currency}"><xsl:value-of select="c:Amount"/></TaxAssessedAmount></Payment>
          </DutyTaxFee>
        </xsl:for-each>
      </Declaration>
    </Response>
  </xsl:template>
</xsl:stylesheet>
