<?xml version="1.0" encoding="UTF-8"?>
<!-- Canonical Response documents to one CEB412 payment voucher receipt (支付凭证回执); see ceb-receipt.xsl. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB412Message'"/>

  <xsl:template match="/">
    <xsl:call-template name="r:receipt-message"/>
  </xsl:template>

  <xsl:template match="c:Response" mode="r:return">
    <xsl:param name="guid"/>
    <xsl:param name="status"/>
    <xsl:param name="time"/>
    <xsl:param name="info"/>
    <xsl:variable name="refs" select="c:RefersTo/c:Reference"/>
    <ceb:PaymentReturn>
      <ceb:guid><xsl:value-of select="$guid"/></ceb:guid>
      <ceb:payCode><xsl:value-of select="r:key($refs[@type = 'PAYMENT_PROVIDER_CODE'], 18)"/></ceb:payCode>
      <ceb:payTransactionId><xsl:value-of select="r:key($refs[@type = 'PAYMENT_TRANSACTION_ID'], 60)"/></ceb:payTransactionId>
      <ceb:returnStatus><xsl:value-of select="$status"/></ceb:returnStatus>
      <ceb:returnTime><xsl:value-of select="$time"/></ceb:returnTime>
      <ceb:returnInfo><xsl:value-of select="$info"/></ceb:returnInfo>
    </ceb:PaymentReturn>
  </xsl:template>
</xsl:stylesheet>
