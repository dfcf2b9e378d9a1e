<?xml version="1.0" encoding="UTF-8"?>
<!-- A CEB412 payment voucher receipt from customs to canonical Response documents, one per PaymentReturn. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB412Message'"/>

  <xsl:template match="/">
    <xsl:for-each select="ceb:CEB412Message/ceb:PaymentReturn">
      <xsl:call-template name="r:response">
        <xsl:with-param name="return" select="."/>
        <xsl:with-param name="format" select="'ceb412'"/>
        <xsl:with-param name="refers-to-format" select="'ceb411'"/>
        <xsl:with-param name="references" select="(r:ref('PAYMENT_PROVIDER_CODE', ceb:payCode),
                                                   r:ref('PAYMENT_TRANSACTION_ID', ceb:payTransactionId))"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
