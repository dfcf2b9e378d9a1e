<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical Response documents to one CEB604 export inventory receipt (出口清单回执); see
  ceb-receipt.xsl. Every key is required: the codes and numbers the response refers to (cut to their
  lengths, UNKNOWN when missing; the platform 无 when the inventory names none); preNo, exactly 18
  characters, is the pre-entry number when the inventory has one of 18 characters, else 18 zeros (an
  answer of the adapter to an inventory that never got a pre-entry number); invtNo is customs'
  inventory number, empty when there is none yet; statisticsFlag the inventory's declaration type,
  0 when it is not known (an answer to a message whose records could not be read).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB604Message'"/>

  <xsl:template match="/">
    <xsl:call-template name="r:receipt-message"/>
  </xsl:template>

  <xsl:template match="c:Response" mode="r:return">
    <xsl:param name="guid"/>
    <xsl:param name="status"/>
    <xsl:param name="time"/>
    <xsl:param name="info"/>
    <xsl:variable name="refs" select="c:RefersTo/c:Reference"/>
    <xsl:variable name="pre-no" select="string($refs[@type = 'PRE_ENTRY_NUMBER'][1])"/>
    <xsl:variable name="flag" select="string($refs[@type = 'DECLARATION_TYPE'][1])"/>
    <ceb:InventoryReturn>
      <ceb:guid><xsl:value-of select="$guid"/></ceb:guid>
      <ceb:agentCode><xsl:value-of select="r:key($refs[@type = 'DECLARANT_CODE'], 18)"/></ceb:agentCode>
      <ceb:copNo><xsl:value-of select="r:key($refs[@type = 'LOCAL_REFERENCE'], 30)"/></ceb:copNo>
      <ceb:preNo><xsl:value-of select="if (string-length($pre-no) = 18) then $pre-no else '000000000000000000'"/></ceb:preNo>
      <ceb:invtNo><xsl:value-of select="$refs[@type = 'INVENTORY_NUMBER'][string-length() le 20][1]"/></ceb:invtNo>
      <ceb:ebcCode><xsl:value-of select="r:key($refs[@type = 'SELLER_CODE'], 18)"/></ceb:ebcCode>
      <ceb:ebpCode><xsl:value-of select="r:platform-code($refs, 'LOCAL_REFERENCE')"/></ceb:ebpCode>
      <ceb:orderNo><xsl:value-of select="r:key($refs[@type = 'ORDER_NUMBER'], 60)"/></ceb:orderNo>
      <ceb:statisticsFlag><xsl:value-of select="if (string-length($flag) = 1) then $flag else '0'"/></ceb:statisticsFlag>
      <ceb:returnStatus><xsl:value-of select="$status"/></ceb:returnStatus>
      <ceb:returnTime><xsl:value-of select="$time"/></ceb:returnTime>
      <ceb:returnInfo><xsl:value-of select="$info"/></ceb:returnInfo>
    </ceb:InventoryReturn>
  </xsl:template>
</xsl:stylesheet>
