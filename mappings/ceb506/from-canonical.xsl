<?xml version="1.0" encoding="UTF-8"?>
<!-- Canonical Response documents to one CEB506 export waybill receipt (出口运单回执); see ceb-receipt.xsl. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB506Message'"/>

  <xsl:template match="/">
    <xsl:call-template name="r:receipt-message"/>
  </xsl:template>

  <xsl:template match="c:Response" mode="r:return">
    <xsl:param name="guid"/>
    <xsl:param name="status"/>
    <xsl:param name="time"/>
    <xsl:param name="info"/>
    <xsl:variable name="refs" select="c:RefersTo/c:Reference"/>
    <ceb:LogisticsReturn>
      <ceb:guid><xsl:value-of select="$guid"/></ceb:guid>
      <ceb:logisticsCode><xsl:value-of select="r:key($refs[@type = 'LOGISTICS_CODE'], 18)"/></ceb:logisticsCode>
      <ceb:logisticsNo><xsl:value-of select="r:key($refs[@type = 'WAYBILL_NUMBER'], 32)"/></ceb:logisticsNo>
      <ceb:returnStatus><xsl:value-of select="$status"/></ceb:returnStatus>
      <ceb:returnTime><xsl:value-of select="$time"/></ceb:returnTime>
      <ceb:returnInfo><xsl:value-of select="$info"/></ceb:returnInfo>
    </ceb:LogisticsReturn>
  </xsl:template>
</xsl:stylesheet>
