<?xml version="1.0" encoding="UTF-8"?>
<!-- A CEB216 export return tally detail receipt from customs to canonical Response documents, one per InvtRefundDetailReturn. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB216Message'"/>

  <xsl:template match="/">
    <xsl:for-each select="ceb:CEB216Message/ceb:InvtRefundDetailReturn">
      <xsl:call-template name="r:response">
        <xsl:with-param name="return" select="."/>
        <xsl:with-param name="format" select="'ceb216'"/>
        <xsl:with-param name="refers-to-format" select="'ceb215'"/>
        <xsl:with-param name="references" select="(r:ref('WAREHOUSE_KEEPER_CODE', ceb:operatorCode), r:ref('LOGISTICS_CODE', ceb:logisticsCode),
            r:ref('WAYBILL_NUMBER', ceb:logisticsNo), r:ref('LOCAL_REFERENCE', ceb:coElNo), r:ref('PRE_ENTRY_NUMBER', ceb:preNo))"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
