<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical Response documents to one CEB626 return receipt (退货申请单回执); see
  ceb-receipt.xsl. The optional keys are written only when the response refers to them (customsCode
  only when it is a 4-character office code, the party codes cut to 18 characters). copNo and preNo
  are mandatory: copNo is the request's local reference (UNKNOWN when it has none); preNo, exactly
  18 characters, is the request's pre-entry number when it has one of 18 characters, else 18 zeros
  (an answer of the adapter to a request that never got one). invtNo, the released inventory, is
  written only when it has its 18 characters.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB626Message'"/>

  <xsl:template match="/">
    <xsl:call-template name="r:receipt-message"/>
  </xsl:template>

  <xsl:template match="c:Response" mode="r:return">
    <xsl:param name="guid"/>
    <xsl:param name="status"/>
    <xsl:param name="time"/>
    <xsl:param name="info"/>
    <xsl:variable name="refs" select="c:RefersTo/c:Reference"/>
    <xsl:variable name="pre-no" select="string($refs[@type = 'PRE_ENTRY_NUMBER'][1])"/>
    <ceb:InvtRefundReturn>
      <ceb:guid><xsl:value-of select="$guid"/></ceb:guid>
      <xsl:for-each select="$refs[@type = 'DECLARATION_OFFICE'][string-length() = 4][1]"><ceb:customsCode><xsl:value-of select="."/></ceb:customsCode></xsl:for-each>
      <xsl:for-each select="$refs[@type = 'DECLARANT_CODE'][string()][1]"><ceb:agentCode><xsl:value-of select="substring(., 1, 18)"/></ceb:agentCode></xsl:for-each>
      <xsl:for-each select="$refs[@type = 'PLATFORM_CODE'][string()][1]"><ceb:ebpCode><xsl:value-of select="substring(., 1, 18)"/></ceb:ebpCode></xsl:for-each>
      <xsl:for-each select="$refs[@type = 'SELLER_CODE'][string()][1]"><ceb:ebcCode><xsl:value-of select="substring(., 1, 18)"/></ceb:ebcCode></xsl:for-each>
      <ceb:copNo><xsl:value-of select="r:key($refs[@type = 'LOCAL_REFERENCE'], 20)"/></ceb:copNo>
      <ceb:preNo><xsl:value-of select="if (string-length($pre-no) = 18) then $pre-no else '000000000000000000'"/></ceb:preNo>
      <xsl:for-each select="$refs[@type = 'INVENTORY_NUMBER'][string-length() = 18][1]"><ceb:invtNo><xsl:value-of select="."/></ceb:invtNo></xsl:for-each>
      <ceb:returnStatus><xsl:value-of select="$status"/></ceb:returnStatus>
      <ceb:returnTime><xsl:value-of select="$time"/></ceb:returnTime>
      <ceb:returnInfo><xsl:value-of select="$info"/></ceb:returnInfo>
    </ceb:InvtRefundReturn>
  </xsl:template>
</xsl:stylesheet>
