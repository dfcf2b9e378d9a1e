<?xml version="1.0" encoding="UTF-8"?>
<!-- A CEB712 warehouse-entry receipt from customs to canonical Response documents, one per
     DeliveryReturn. The receipt does not name the bill of lading: it is matched to its list by the
     list's own numbers. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB712Message'"/>

  <xsl:template match="/">
    <xsl:for-each select="ceb:CEB712Message/ceb:DeliveryReturn">
      <xsl:call-template name="r:response">
        <xsl:with-param name="return" select="."/>
        <xsl:with-param name="format" select="'ceb712'"/>
        <xsl:with-param name="refers-to-format" select="'ceb711'"/>
        <xsl:with-param name="references" select="(r:ref('LOCAL_REFERENCE', ceb:copNo), r:ref('PRE_ENTRY_NUMBER', ceb:preNo),
                                                   r:ref('WAREHOUSE_ENTRY_NUMBER', ceb:rkdNo), r:ref('DECLARATION_OFFICE', ceb:customsCode),
                                                   r:ref('WAREHOUSE_KEEPER_CODE', ceb:operatorCode))"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
