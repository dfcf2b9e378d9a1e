<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical Response documents to one CEB702 summary declaration request receipt (汇总申请单回执);
  see ceb-receipt.xsl. preNo, exactly 18 characters, is the request's pre-entry number when it has
  one of 18 characters, else 18 zeros; sumNo, customs' number of the summary, only when the request
  has one of 18 characters; msgSeqNo the request's part, 0 when it could not be read.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB702Message'"/>

  <xsl:template match="/">
    <xsl:call-template name="r:receipt-message"/>
  </xsl:template>

  <xsl:template match="c:Response" mode="r:return">
    <xsl:param name="guid"/>
    <xsl:param name="status"/>
    <xsl:param name="time"/>
    <xsl:param name="info"/>
    <xsl:variable name="refs" select="c:RefersTo/c:Reference"/>
    <ceb:SummaryReturn>
      <ceb:guid><xsl:value-of select="$guid"/></ceb:guid>
      <ceb:agentCode><xsl:value-of select="r:key($refs[@type = 'DECLARANT_CODE'], 18)"/></ceb:agentCode>
      <ceb:ebcCode><xsl:value-of select="r:key($refs[@type = 'SELLER_CODE'], 18)"/></ceb:ebcCode>
      <ceb:copNo><xsl:value-of select="r:key($refs[@type = 'LOCAL_REFERENCE'], 30)"/></ceb:copNo>
      <ceb:preNo><xsl:value-of select="r:pre-entry-number($refs)"/></ceb:preNo>
      <xsl:for-each select="$refs[@type = 'SUMMARY_NUMBER'][string-length() = 18][1]"><ceb:sumNo><xsl:value-of select="."/></ceb:sumNo></xsl:for-each>
      <ceb:msgSeqNo><xsl:value-of select="r:part-number($refs)"/></ceb:msgSeqNo>
      <ceb:returnStatus><xsl:value-of select="$status"/></ceb:returnStatus>
      <ceb:returnTime><xsl:value-of select="$time"/></ceb:returnTime>
      <ceb:returnInfo><xsl:value-of select="$info"/></ceb:returnInfo>
    </ceb:SummaryReturn>
  </xsl:template>
</xsl:stylesheet>
