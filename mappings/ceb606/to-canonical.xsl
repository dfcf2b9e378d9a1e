<?xml version="1.0" encoding="UTF-8"?>
<!-- A CEB606 export inventory cancellation receipt from customs to canonical Response documents, one per InvtCancelReturn. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB606Message'"/>

  <xsl:template match="/">
    <xsl:for-each select="ceb:CEB606Message/ceb:InvtCancelReturn">
      <xsl:call-template name="r:response">
        <xsl:with-param name="return" select="."/>
        <xsl:with-param name="format" select="'ceb606'"/>
        <xsl:with-param name="refers-to-format" select="'ceb605'"/>
        <xsl:with-param name="references" select="(r:ref('DECLARANT_CODE', ceb:agentCode), r:ref('LOCAL_REFERENCE', ceb:copNo),
            r:ref('PRE_ENTRY_NUMBER', ceb:preNo), r:ref('INVENTORY_NUMBER', ceb:invtNo))"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
