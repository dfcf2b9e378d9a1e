<?xml version="1.0" encoding="UTF-8"?>
<!-- A CEB624 cancellation receipt from customs to canonical Response documents, one per
     InvtCancelReturn. The inventory number comes first: every request names it, so it is the key
     the request's sender is found by. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB624Message'"/>

  <xsl:template match="/">
    <xsl:for-each select="ceb:CEB624Message/ceb:InvtCancelReturn">
      <xsl:call-template name="r:response">
        <xsl:with-param name="return" select="."/>
        <xsl:with-param name="format" select="'ceb624'"/>
        <xsl:with-param name="refers-to-format" select="'ceb623'"/>
        <xsl:with-param name="references" select="(r:ref('INVENTORY_NUMBER', ceb:invtNo), r:ref('LOCAL_REFERENCE', ceb:copNo),
                                                   r:ref('PRE_ENTRY_NUMBER', ceb:preNo), r:ref('DECLARATION_OFFICE', ceb:customsCode),
                                                   r:ref('DECLARANT_CODE', ceb:agentCode), r:ref('PLATFORM_CODE', ceb:ebpCode),
                                                   r:ref('SELLER_CODE', ceb:ebcCode))"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
