<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB403 (China export receipt of payment, 收款单) to canonical Payment documents, one per
  ceb:Receipts. The input has been validated against xsd/ceb/ceb403.xsd; the output is validated
  against the canonical schema. Strings are copied as they are (whitespace included); numbers keep
  their lexical form; codes are normalised through mappings/codelists; empty optional elements carry
  no value and are left out.

  An EXPORT payment: the payment enterprise (payCode, payName; 现金支付 for cash, usually without a
  code or transaction number) is the PAYMENT_SERVICE_PROVIDER, the e-commerce enterprise that got the
  money the PAYEE, the platform (无: none with a customs code) the PLATFORM; accountingDate, when the
  money arrived, is the time paid. The record's key is the e-commerce enterprise and the order number.
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

  <xsl:variable name="partner-id" select="($partner[.], normalize-space(/ceb:CEB403Message/ceb:BaseTransfer/ceb:copCode))[1]"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB403Message/ceb:Receipts"/>
  </xsl:template>

  <xsl:template match="ceb:Receipts">
    <xsl:variable name="seller" select="cebc:required(ceb:ebcCode, 'with the order number it is the key of a receipt of payment')"/>
    <xsl:variable name="order-no" select="cebc:required(ceb:orderNo, 'with the e-commerce enterprise it is the key of a receipt of payment')"/>
    <xsl:variable name="app-status" select="cebc:or-default(ceb:appStatus, '1')"/>
    <xsl:document>
      <c:Payment>
        <c:Header>
          <c:RecordId><xsl:value-of select="$partner-id || ':' || $seller || '/' || $order-no"/></c:RecordId>
          <c:Function sourceCode="{ceb:appType}"><xsl:value-of select="cebc:coded($cebc:functions, ceb:appType)"/></c:Function>
          <c:FilingStatus sourceCode="{$app-status}"><xsl:value-of select="cebc:coded($cebc:filing, $app-status, ceb:appStatus)"/></c:FilingStatus>
          <c:IssueDateTime><xsl:value-of select="cebc:date-time(ceb:appTime)"/></c:IssueDateTime>
          <xsl:call-template name="cebc:source">
            <xsl:with-param name="format" select="'ceb403'"/>
            <xsl:with-param name="partner" select="$partner-id"/>
            <xsl:with-param name="record-guid" select="string(ceb:guid)"/>
            <xsl:with-param name="index" select="count(preceding-sibling::ceb:Receipts) + 1"/>
            <xsl:with-param name="channel" select="$channel"/>
            <xsl:with-param name="received-at" select="$received-at"/>
          </xsl:call-template>
        </c:Header>
        <xsl:for-each select="ceb:payNo[string()]"><c:PaymentTransactionId><xsl:value-of select="."/></c:PaymentTransactionId></xsl:for-each>
        <c:OrderNumber><xsl:value-of select="$order-no"/></c:OrderNumber>
        <c:TradeDirection>EXPORT</c:TradeDirection>
        <xsl:sequence select="cebc:enterprise('PAYMENT_SERVICE_PROVIDER', ceb:payCode, ceb:payName)"/>
        <xsl:sequence select="cebc:enterprise('PAYEE', ceb:ebcCode, ceb:ebcName)"/>
        <xsl:sequence select="cebc:enterprise('PLATFORM', ceb:ebpCode, ceb:ebpName)"/>
        <c:Amount currency="{cebc:currency(ceb:currency)}"><xsl:value-of select="normalize-space(ceb:charge)"/></c:Amount>
        <c:PaidAt><xsl:value-of select="cebc:date-time(ceb:accountingDate)"/></c:PaidAt>
        <xsl:for-each select="ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
      </c:Payment>
    </xsl:document>
  </xsl:template>
</xsl:stylesheet>
