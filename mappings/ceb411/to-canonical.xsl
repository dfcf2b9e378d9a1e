<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB411 (China import payment voucher) to canonical Payment documents, one per ceb:Payment.
  The input has been validated against xsd/ceb/ceb411.xsd; the output is validated against the
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

  <xsl:variable name="partner-id" select="($partner[.], normalize-space(/ceb:CEB411Message/ceb:BaseTransfer/ceb:copCode))[1]"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB411Message/ceb:Payment"/>
  </xsl:template>

  <xsl:template match="ceb:Payment">
    <xsl:variable name="h" select="ceb:PaymentHead"/>
    <xsl:document>
      <c:Payment>
        <c:Header>
          <c:RecordId><xsl:value-of select="$partner-id || ':' || adapter:record-key(.)"/></c:RecordId>
          <c:Function sourceCode="{$h/ceb:appType}"><xsl:value-of select="cebc:coded($cebc:functions, $h/ceb:appType)"/></c:Function>
          <c:FilingStatus sourceCode="{$h/ceb:appStatus}"><xsl:value-of select="cebc:coded($cebc:filing, $h/ceb:appStatus)"/></c:FilingStatus>
          <c:IssueDateTime><xsl:value-of select="cebc:date-time($h/ceb:appTime)"/></c:IssueDateTime>
          <xsl:call-template name="cebc:source">
            <xsl:with-param name="format" select="'ceb411'"/>
            <xsl:with-param name="partner" select="$partner-id"/>
            <xsl:with-param name="record-guid" select="string($h/ceb:guid)"/>
            <xsl:with-param name="index" select="count(preceding-sibling::ceb:Payment) + 1"/>
            <xsl:with-param name="channel" select="$channel"/>
            <xsl:with-param name="received-at" select="$received-at"/>
          </xsl:call-template>
        </c:Header>
        <c:PaymentTransactionId><xsl:value-of select="$h/ceb:payTransactionId"/></c:PaymentTransactionId>
        <c:OrderNumber><xsl:value-of select="$h/ceb:orderNo"/></c:OrderNumber>
        <c:Party role="PAYMENT_SERVICE_PROVIDER">
          <c:Name><xsl:value-of select="$h/ceb:payName"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="$h/ceb:payCode"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Party role="PLATFORM">
          <c:Name><xsl:value-of select="$h/ceb:ebpName"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="$h/ceb:ebpCode"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Party role="PAYER">
          <c:Name><xsl:value-of select="$h/ceb:payerName"/></c:Name>
          <c:Identifier scheme="{cebc:coded($cebc:id-schemes, $h/ceb:payerIdType)}" sourceCode="{$h/ceb:payerIdType}"><xsl:value-of select="$h/ceb:payerIdNumber"/></c:Identifier>
          <c:TypeOfPerson>NATURAL</c:TypeOfPerson>
          <xsl:for-each select="$h/ceb:telephone[string()]"><c:Communication type="TE"><xsl:value-of select="."/></c:Communication></xsl:for-each>
        </c:Party>
        <c:Amount currency="{cebc:currency($h/ceb:currency)}"><xsl:value-of select="normalize-space($h/ceb:amountPaid)"/></c:Amount>
        <c:PaidAt><xsl:value-of select="cebc:date-time($h/ceb:payTime)"/></c:PaidAt>
        <xsl:for-each select="$h/ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
      </c:Payment>
    </xsl:document>
  </xsl:template>
</xsl:stylesheet>
