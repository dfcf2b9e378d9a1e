<?xml version="1.0" encoding="UTF-8"?>
<!-- A CEB702 summary declaration request receipt from customs to canonical Response documents, one per SummaryReturn. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB702Message'"/>

  <xsl:template match="/">
    <xsl:for-each select="ceb:CEB702Message/ceb:SummaryReturn">
      <xsl:call-template name="r:response">
        <xsl:with-param name="return" select="."/>
        <xsl:with-param name="format" select="'ceb702'"/>
        <xsl:with-param name="refers-to-format" select="'ceb701'"/>
        <xsl:with-param name="references" select="(r:ref('DECLARANT_CODE', ceb:agentCode), r:ref('SELLER_CODE', ceb:ebcCode),
            r:ref('LOCAL_REFERENCE', ceb:copNo), r:ref('PRE_ENTRY_NUMBER', ceb:preNo), r:ref('SUMMARY_NUMBER', ceb:sumNo),
            r:ref('PART_NUMBER', ceb:msgSeqNo))"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
