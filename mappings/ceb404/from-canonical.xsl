<?xml version="1.0" encoding="UTF-8"?>
<!-- Canonical Response documents to one CEB404 receipt-of-payment receipt (收款单回执); see ceb-receipt.xsl.
     payNo is written when the receipt of payment answered has a transaction number. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB404Message'"/>

  <xsl:template match="/">
    <xsl:call-template name="r:receipt-message"/>
  </xsl:template>

  <xsl:template match="c:Response" mode="r:return">
    <xsl:param name="guid"/>
    <xsl:param name="status"/>
    <xsl:param name="time"/>
    <xsl:param name="info"/>
    <xsl:variable name="refs" select="c:RefersTo/c:Reference"/>
    <ceb:ReceiptsReturn>
      <ceb:guid><xsl:value-of select="$guid"/></ceb:guid>
      <ceb:ebcCode><xsl:value-of select="r:key($refs[@type = 'SELLER_CODE'], 18)"/></ceb:ebcCode>
      <ceb:orderNo><xsl:value-of select="r:key($refs[@type = 'ORDER_NUMBER'], 60)"/></ceb:orderNo>
      <xsl:for-each select="$refs[@type = 'PAYMENT_TRANSACTION_ID'][string()][1]"><ceb:payNo><xsl:value-of select="substring(., 1, 60)"/></ceb:payNo></xsl:for-each>
      <ceb:returnStatus><xsl:value-of select="$status"/></ceb:returnStatus>
      <ceb:returnTime><xsl:value-of select="$time"/></ceb:returnTime>
      <ceb:returnInfo><xsl:value-of select="$info"/></ceb:returnInfo>
    </ceb:ReceiptsReturn>
  </xsl:template>
</xsl:stylesheet>
