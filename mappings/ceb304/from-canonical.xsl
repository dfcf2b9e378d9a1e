<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical Response documents to one CEB304 export order receipt (出口电子订单回执); see
  ceb-receipt.xsl. ebpCode is the platform's code; 无 when the order answered names no platform
  code (an overseas platform), UNKNOWN when the answer concerns no readable order.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB304Message'"/>

  <xsl:template match="/">
    <xsl:call-template name="r:receipt-message"/>
  </xsl:template>

  <xsl:template match="c:Response" mode="r:return">
    <xsl:param name="guid"/>
    <xsl:param name="status"/>
    <xsl:param name="time"/>
    <xsl:param name="info"/>
    <xsl:variable name="refs" select="c:RefersTo/c:Reference"/>
    <ceb:OrderReturn>
      <ceb:guid><xsl:value-of select="$guid"/></ceb:guid>
      <ceb:ebpCode><xsl:value-of select="r:platform-code($refs, 'ORDER_NUMBER')"/></ceb:ebpCode>
      <ceb:ebcCode><xsl:value-of select="r:key($refs[@type = 'SELLER_CODE'], 18)"/></ceb:ebcCode>
      <ceb:orderNo><xsl:value-of select="r:key($refs[@type = 'ORDER_NUMBER'], 60)"/></ceb:orderNo>
      <ceb:returnStatus><xsl:value-of select="$status"/></ceb:returnStatus>
      <ceb:returnTime><xsl:value-of select="$time"/></ceb:returnTime>
      <ceb:returnInfo><xsl:value-of select="$info"/></ceb:returnInfo>
    </ceb:OrderReturn>
  </xsl:template>
</xsl:stylesheet>
