<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical Payment documents to one CEB403 (China export receipt of payment, 收款单) message.
  The input is a c:Payment or a c:Batch of them; every payment becomes a ceb:Receipts, the envelope
  (BaseTransfer, BaseSubscribe, ExtendMessage) comes from the first payment's Source.
  The output is validated against xsd/ceb/ceb403.xsd before it is sent.

  The e-commerce enterprise is the PAYEE, the payment enterprise the PAYMENT_SERVICE_PROVIDER; a
  platform without a customs code is written 无. A receipt of payment needs its order number and the
  time the money arrived (PaidAt); an import payment is refused.
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

  <!-- a new message id; the original message's id when not given -->
  <xsl:param name="message-guid" as="xs:string?"/>
  <!-- egress settings that replace the original sender in BaseTransfer when set -->
  <xsl:param name="transfer-cop-code" as="xs:string?"/>
  <xsl:param name="transfer-cop-name" as="xs:string?"/>
  <xsl:param name="transfer-dxp-id" as="xs:string?"/>
  <xsl:param name="transfer-dxp-mode" as="xs:string?"/>

  <xsl:template match="/">
    <xsl:variable name="payments" select="c:Payment | c:Batch/c:Payment"/>
    <xsl:if test="empty($payments) or exists(c:Batch/*[not(self::c:Payment)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB403 message carries canonical Payment documents only', *)"/>
    </xsl:if>
    <xsl:variable name="first" select="$payments[1]/c:Header/c:Source"/>
    <xsl:variable name="guid" select="($message-guid[.], $first/c:MessageId[string-length() = 36])[1]"/>
    <xsl:if test="empty($guid)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'no 36-character message guid: none kept in the Source and none given', *)"/>
    </xsl:if>
    <ceb:CEB403Message guid="{$guid}" version="{($first/c:MessageVersion[string()], '1.0')[1]}">
      <xsl:for-each select="$payments">
        <xsl:apply-templates select=".">
          <xsl:with-param name="record-guid" select="cebc:record-guid(., $guid, position())"/>
        </xsl:apply-templates>
      </xsl:for-each>
      <xsl:call-template name="cebc:transmission">
        <xsl:with-param name="source" select="$first"/>
        <xsl:with-param name="cop-code" select="$transfer-cop-code"/>
        <xsl:with-param name="cop-name" select="$transfer-cop-name"/>
        <xsl:with-param name="dxp-id" select="$transfer-dxp-id"/>
        <xsl:with-param name="dxp-mode" select="$transfer-dxp-mode"/>
      </xsl:call-template>
    </ceb:CEB403Message>
  </xsl:template>

  <xsl:template match="c:Payment">
    <xsl:param name="record-guid" as="xs:string"/>
    <xsl:variable name="psp" select="cebc:party(., 'PAYMENT_SERVICE_PROVIDER')"/>
    <xsl:variable name="payee" select="cebc:party(., 'PAYEE')"/>
    <xsl:variable name="platform" select="cebc:party(., 'PLATFORM')"/>
    <ceb:Receipts>
      <xsl:sequence select="cebc:export-only(., 'CEB403')"/>
      <ceb:guid><xsl:value-of select="$record-guid"/></ceb:guid>
      <ceb:appType><xsl:value-of select="cebc:code-of($cebc:functions, c:Header/c:Function)"/></ceb:appType>
      <ceb:appTime><xsl:value-of select="cebc:issue-time(.)"/></ceb:appTime>
      <ceb:appStatus><xsl:value-of select="if (c:Header/c:FilingStatus) then cebc:code-of($cebc:filing, c:Header/c:FilingStatus) else '2'"/></ceb:appStatus>
      <ceb:ebpCode><xsl:value-of select="cebc:platform-code($platform)"/></ceb:ebpCode>
      <ceb:ebpName><xsl:value-of select="$platform/c:Name"/></ceb:ebpName>
      <ceb:ebcCode><xsl:value-of select="cebc:code($payee)"/></ceb:ebcCode>
      <ceb:ebcName><xsl:value-of select="$payee/c:Name"/></ceb:ebcName>
      <ceb:orderNo><xsl:value-of select="if (c:OrderNumber) then c:OrderNumber
          else error(xs:QName('err:VALUE_INVALID'), 'a CEB403 receipt of payment needs the order number it was paid for', .)"/></ceb:orderNo>
      <xsl:for-each select="cebc:code($psp)[.]"><ceb:payCode><xsl:value-of select="."/></ceb:payCode></xsl:for-each>
      <ceb:payName><xsl:value-of select="$psp/c:Name"/></ceb:payName>
      <xsl:for-each select="c:PaymentTransactionId"><ceb:payNo><xsl:value-of select="."/></ceb:payNo></xsl:for-each>
      <ceb:charge><xsl:value-of select="c:Amount"/></ceb:charge>
      <ceb:currency><xsl:value-of select="cl:customs-currency(c:Amount/@currency, c:Amount)"/></ceb:currency>
      <ceb:accountingDate><xsl:value-of select="if (c:PaidAt) then cebc:compact-time(c:PaidAt)
          else error(xs:QName('err:VALUE_INVALID'), 'a CEB403 receipt of payment needs the time the money arrived (PaidAt)', .)"/></ceb:accountingDate>
      <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
    </ceb:Receipts>
  </xsl:template>
</xsl:stylesheet>
