<?xml version="1.0" encoding="UTF-8"?>
<!-- A CEB506 export waybill receipt from customs to canonical Response documents, one per LogisticsReturn. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB506Message'"/>

  <xsl:template match="/">
    <xsl:for-each select="ceb:CEB506Message/ceb:LogisticsReturn">
      <xsl:call-template name="r:response">
        <xsl:with-param name="return" select="."/>
        <xsl:with-param name="format" select="'ceb506'"/>
        <xsl:with-param name="refers-to-format" select="'ceb505'"/>
        <xsl:with-param name="references" select="(r:ref('LOGISTICS_CODE', ceb:logisticsCode), r:ref('WAYBILL_NUMBER', ceb:logisticsNo))"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
