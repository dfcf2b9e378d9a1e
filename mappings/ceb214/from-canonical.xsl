<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical Response documents to one CEB214 export return request receipt (出口退货申请单回执); see
  ceb-receipt.xsl. The platform, e-commerce enterprise and pre-entry number are written when the
  request had them (the platform 无 when it has no customs code); agentCode, coElNo and invtNo are
  required.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB214Message'"/>

  <xsl:template match="/">
    <xsl:call-template name="r:receipt-message"/>
  </xsl:template>

  <xsl:template match="c:Response" mode="r:return">
    <xsl:param name="guid"/>
    <xsl:param name="status"/>
    <xsl:param name="time"/>
    <xsl:param name="info"/>
    <xsl:variable name="refs" select="c:RefersTo/c:Reference"/>
    <ceb:RefundReturn>
      <ceb:guid><xsl:value-of select="$guid"/></ceb:guid>
      <xsl:if test="$refs[@type = ('PLATFORM_CODE', 'INVENTORY_NUMBER')][string()]">
        <ceb:ebpCode><xsl:value-of select="r:platform-code($refs, 'INVENTORY_NUMBER')"/></ceb:ebpCode>
      </xsl:if>
      <xsl:for-each select="$refs[@type = 'SELLER_CODE'][string-length() le 18][1]"><ceb:ebcCode><xsl:value-of select="."/></ceb:ebcCode></xsl:for-each>
      <ceb:agentCode><xsl:value-of select="r:key($refs[@type = 'DECLARANT_CODE'], 18)"/></ceb:agentCode>
      <ceb:coElNo><xsl:value-of select="r:key($refs[@type = 'LOCAL_REFERENCE'], 30)"/></ceb:coElNo>
      <xsl:for-each select="$refs[@type = 'PRE_ENTRY_NUMBER'][string-length() le 18][1]"><ceb:preNo><xsl:value-of select="."/></ceb:preNo></xsl:for-each>
      <ceb:invtNo><xsl:value-of select="r:key($refs[@type = 'INVENTORY_NUMBER'], 20)"/></ceb:invtNo>
      <ceb:returnStatus><xsl:value-of select="$status"/></ceb:returnStatus>
      <ceb:returnTime><xsl:value-of select="$time"/></ceb:returnTime>
      <ceb:returnInfo><xsl:value-of select="$info"/></ceb:returnInfo>
    </ceb:RefundReturn>
  </xsl:template>
</xsl:stylesheet>
