<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical Response documents to one CEB712 warehouse-entry receipt (入库明细单回执); see
  ceb-receipt.xsl. Every key of this receipt is optional: each is written when the response refers
  to it and it fits (customsCode a 4-character office code; the operator's code, the local
  reference, the pre-entry and warehouse-entry numbers at most 18, 20, 18 and 18 characters), never
  cut, since a cut number would name another list.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB712Message'"/>

  <xsl:template match="/">
    <xsl:call-template name="r:receipt-message"/>
  </xsl:template>

  <xsl:template match="c:Response" mode="r:return">
    <xsl:param name="guid"/>
    <xsl:param name="status"/>
    <xsl:param name="time"/>
    <xsl:param name="info"/>
    <xsl:variable name="refs" select="c:RefersTo/c:Reference"/>
    <ceb:DeliveryReturn>
      <ceb:guid><xsl:value-of select="$guid"/></ceb:guid>
      <xsl:for-each select="$refs[@type = 'DECLARATION_OFFICE'][string-length() = 4][1]"><ceb:customsCode><xsl:value-of select="."/></ceb:customsCode></xsl:for-each>
      <xsl:for-each select="$refs[@type = 'WAREHOUSE_KEEPER_CODE'][string-length() = (1 to 18)][1]"><ceb:operatorCode><xsl:value-of select="."/></ceb:operatorCode></xsl:for-each>
      <xsl:for-each select="$refs[@type = 'LOCAL_REFERENCE'][string-length() = (1 to 20)][1]"><ceb:copNo><xsl:value-of select="."/></ceb:copNo></xsl:for-each>
      <xsl:for-each select="$refs[@type = 'PRE_ENTRY_NUMBER'][string-length() = (1 to 18)][1]"><ceb:preNo><xsl:value-of select="."/></ceb:preNo></xsl:for-each>
      <xsl:for-each select="$refs[@type = 'WAREHOUSE_ENTRY_NUMBER'][string-length() = (1 to 18)][1]"><ceb:rkdNo><xsl:value-of select="."/></ceb:rkdNo></xsl:for-each>
      <ceb:returnStatus><xsl:value-of select="$status"/></ceb:returnStatus>
      <ceb:returnTime><xsl:value-of select="$time"/></ceb:returnTime>
      <ceb:returnInfo><xsl:value-of select="$info"/></ceb:returnInfo>
    </ceb:DeliveryReturn>
  </xsl:template>
</xsl:stylesheet>
