<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB701 (China summary declaration request, 汇总申请单) to one canonical SummaryDeclaration
  document (direction EXPORT) per ceb:SummaryApply. The input has been validated against
  xsd/ceb/ceb701.xsd; the output is validated against the canonical schema. Strings are copied as
  they are (whitespace included); empty optional elements carry no value and are left out. The
  signature is not read.

  The declaring enterprise is the DECLARANT, the e-commerce enterprise (收发货人) the SELLER, the
  enterprise that will file the customs declarations (报关单位) the REPRESENTATIVE. startTime and
  endTime are the Period (both or neither, the end not before the start); summaryFlag and
  itemNameFlag are Grouping codes (schemes CN-SUMMARY-FLAG, CN-ITEM-NAME-FLAG; a blank itemNameFlag,
  the flag not filled in, gives none);
  each listed inventory a DeclarationReference (INVENTORY_NUMBER); preNo and sumNo CustomsReference
  PRE_ENTRY_NUMBER and SUMMARY_NUMBER. The request's number (copNo, the record key) must not be empty.
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

  <xsl:variable name="partner-id" select="($partner[.], normalize-space(/ceb:CEB701Message/ceb:BaseTransfer/ceb:copCode))[1]"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB701Message/ceb:SummaryApply"/>
  </xsl:template>

  <xsl:template match="ceb:SummaryApply">
    <xsl:variable name="h" select="ceb:SummaryApplyHead"/>
    <xsl:variable name="cop-no" select="cebc:required($h/ceb:copNo, 'the request''s own number is its key')"/>
    <xsl:variable name="app-status" select="cebc:or-default($h/ceb:appStatus, '2')"/>
    <xsl:if test="count(($h/ceb:startTime, $h/ceb:endTime)) = 1">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'startTime and endTime name a period together: give both or neither', ($h/ceb:startTime, $h/ceb:endTime))"/>
    </xsl:if>
    <xsl:document>
      <c:SummaryDeclaration>
        <c:Header>
          <c:RecordId><xsl:value-of select="$partner-id || ':' || adapter:record-key(.)"/></c:RecordId>
          <c:Function sourceCode="{$h/ceb:appType}"><xsl:value-of select="cebc:coded($cebc:functions, $h/ceb:appType)"/></c:Function>
          <c:FilingStatus sourceCode="{$app-status}"><xsl:value-of select="cebc:coded($cebc:filing, $app-status, $h/ceb:appStatus)"/></c:FilingStatus>
          <c:IssueDateTime><xsl:value-of select="cebc:date-time($h/ceb:appTime)"/></c:IssueDateTime>
          <xsl:call-template name="cebc:source">
            <xsl:with-param name="format" select="'ceb701'"/>
            <xsl:with-param name="partner" select="$partner-id"/>
            <xsl:with-param name="record-guid" select="string($h/ceb:guid)"/>
            <xsl:with-param name="index" select="count(preceding-sibling::ceb:SummaryApply) + 1"/>
            <xsl:with-param name="channel" select="$channel"/>
            <xsl:with-param name="received-at" select="$received-at"/>
          </xsl:call-template>
        </c:Header>
        <c:TradeDirection>EXPORT</c:TradeDirection>
        <c:LocalReference><xsl:value-of select="$cop-no"/></c:LocalReference>
        <xsl:for-each select="$h/ceb:preNo[string()]"><c:CustomsReference type="PRE_ENTRY_NUMBER"><xsl:value-of select="."/></c:CustomsReference></xsl:for-each>
        <xsl:for-each select="$h/ceb:sumNo[string()]"><c:CustomsReference type="SUMMARY_NUMBER"><xsl:value-of select="."/></c:CustomsReference></xsl:for-each>
        <c:DeclarationOffice><xsl:value-of select="$h/ceb:customsCode"/></c:DeclarationOffice>
        <xsl:for-each select="$h/ceb:loctNo[string()]"><c:GoodsLocation><xsl:value-of select="."/></c:GoodsLocation></xsl:for-each>
        <xsl:sequence select="cebc:enterprise('DECLARANT', $h/ceb:agentCode, $h/ceb:agentName)"/>
        <xsl:sequence select="cebc:enterprise('SELLER', $h/ceb:ebcCode, $h/ceb:ebcName)"/>
        <xsl:sequence select="cebc:enterprise('REPRESENTATIVE', $h/ceb:declAgentCode, $h/ceb:declAgentName)"/>
        <xsl:if test="$h/ceb:startTime">
          <xsl:variable name="start" select="cebc:date-time($h/ceb:startTime)"/>
          <xsl:variable name="end" select="cebc:date-time($h/ceb:endTime)"/>
          <xsl:if test="xs:dateTime($end) lt xs:dateTime($start)">
            <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'endTime ' || $h/ceb:endTime || ' is before startTime ' || $h/ceb:startTime, $h/ceb:endTime)"/>
          </xsl:if>
          <c:Period>
            <c:Start><xsl:value-of select="$start"/></c:Start>
            <c:End><xsl:value-of select="$end"/></c:End>
          </c:Period>
        </xsl:if>
        <c:Grouping scheme="CN-SUMMARY-FLAG"><xsl:value-of select="cebc:code-value($h/ceb:summaryFlag)"/></c:Grouping>
        <!-- a blank itemNameFlag (one space: the element needs a character) is the flag not filled in:
             by commodity category -->
        <xsl:for-each select="$h/ceb:itemNameFlag[normalize-space()]"><c:Grouping scheme="CN-ITEM-NAME-FLAG"><xsl:value-of select="normalize-space()"/></c:Grouping></xsl:for-each>
        <xsl:sequence select="cebc:part($h/ceb:msgSeqNo, $h/ceb:msgCount)"/>
        <xsl:for-each select="ceb:SummaryApplyList">
          <c:DeclarationReference>
            <c:Reference type="INVENTORY_NUMBER"><xsl:value-of select="cebc:required(ceb:invtNo, 'an inventory to summarise is named by its number')"/></c:Reference>
          </c:DeclarationReference>
        </xsl:for-each>
        <xsl:for-each select="$h/ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
      </c:SummaryDeclaration>
    </xsl:document>
  </xsl:template>
</xsl:stylesheet>
