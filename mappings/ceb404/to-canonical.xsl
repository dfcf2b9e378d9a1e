<?xml version="1.0" encoding="UTF-8"?>
<!-- A CEB404 receipt-of-payment receipt from customs to canonical Response documents, one per ReceiptsReturn. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB404Message'"/>

  <xsl:template match="/">
    <xsl:for-each select="ceb:CEB404Message/ceb:ReceiptsReturn">
      <xsl:call-template name="r:response">
        <xsl:with-param name="return" select="."/>
        <xsl:with-param name="format" select="'ceb404'"/>
        <xsl:with-param name="refers-to-format" select="'ceb403'"/>
        <xsl:with-param name="references" select="(r:ref('ORDER_NUMBER', ceb:orderNo), r:ref('SELLER_CODE', ceb:ebcCode),
                                                   r:ref('PAYMENT_TRANSACTION_ID', ceb:payNo))"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
