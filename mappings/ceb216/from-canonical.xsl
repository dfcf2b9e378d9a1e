<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical Response documents to one CEB216 export return tally detail receipt (理货明细单回执); see
  ceb-receipt.xsl. The pre-entry number is written when the tally had one.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB216Message'"/>

  <xsl:template match="/">
    <xsl:call-template name="r:receipt-message"/>
  </xsl:template>

  <xsl:template match="c:Response" mode="r:return">
    <xsl:param name="guid"/>
    <xsl:param name="status"/>
    <xsl:param name="time"/>
    <xsl:param name="info"/>
    <xsl:variable name="refs" select="c:RefersTo/c:Reference"/>
    <ceb:InvtRefundDetailReturn>
      <ceb:guid><xsl:value-of select="$guid"/></ceb:guid>
      <ceb:operatorCode><xsl:value-of select="r:key($refs[@type = 'WAREHOUSE_KEEPER_CODE'], 18)"/></ceb:operatorCode>
      <ceb:logisticsCode><xsl:value-of select="r:key($refs[@type = 'LOGISTICS_CODE'], 18)"/></ceb:logisticsCode>
      <ceb:logisticsNo><xsl:value-of select="r:key($refs[@type = 'WAYBILL_NUMBER'], 80)"/></ceb:logisticsNo>
      <ceb:coElNo><xsl:value-of select="r:key($refs[@type = 'LOCAL_REFERENCE'], 30)"/></ceb:coElNo>
      <xsl:for-each select="$refs[@type = 'PRE_ENTRY_NUMBER'][string-length() le 18][1]"><ceb:preNo><xsl:value-of select="."/></ceb:preNo></xsl:for-each>
      <ceb:returnStatus><xsl:value-of select="$status"/></ceb:returnStatus>
      <ceb:returnTime><xsl:value-of select="$time"/></ceb:returnTime>
      <ceb:returnInfo><xsl:value-of select="$info"/></ceb:returnInfo>
    </ceb:InvtRefundDetailReturn>
  </xsl:template>
</xsl:stylesheet>
