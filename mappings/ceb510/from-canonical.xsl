<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical Response documents to one CEB510 departure report receipt (离境单回执); see ceb-receipt.xsl.
  Every element is required: preNo, exactly 18 characters, is the report's pre-entry number when it
  has one, else 18 zeros; msgSeqNo the report's part, 0 when it could not be read.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB510Message'"/>

  <xsl:template match="/">
    <xsl:call-template name="r:receipt-message"/>
  </xsl:template>

  <xsl:template match="c:Response" mode="r:return">
    <xsl:param name="guid"/>
    <xsl:param name="status"/>
    <xsl:param name="time"/>
    <xsl:param name="info"/>
    <xsl:variable name="refs" select="c:RefersTo/c:Reference"/>
    <ceb:DepartureReturn>
      <ceb:guid><xsl:value-of select="$guid"/></ceb:guid>
      <ceb:logisticsCode><xsl:value-of select="r:key($refs[@type = 'LOGISTICS_CODE'], 18)"/></ceb:logisticsCode>
      <ceb:copNo><xsl:value-of select="r:key($refs[@type = 'LOCAL_REFERENCE'], 30)"/></ceb:copNo>
      <ceb:preNo><xsl:value-of select="r:pre-entry-number($refs)"/></ceb:preNo>
      <ceb:msgSeqNo><xsl:value-of select="r:part-number($refs)"/></ceb:msgSeqNo>
      <ceb:returnStatus><xsl:value-of select="$status"/></ceb:returnStatus>
      <ceb:returnTime><xsl:value-of select="$time"/></ceb:returnTime>
      <ceb:returnInfo><xsl:value-of select="$info"/></ceb:returnInfo>
    </ceb:DepartureReturn>
  </xsl:template>
</xsl:stylesheet>
