<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical Cancellation documents (direction EXPORT), or a c:Batch of them, to one CEB605 (China
  export inventory cancellation request, 出口撤销申请单) message. The envelope (BaseTransfer,
  BaseSubscribe, ExtendMessage) comes from the first document's Source. An import cancellation is
  refused (it is a CEB623); so is one that does not name customs' number of the inventory
  (DeclarationReference INVENTORY_NUMBER). The adapter signs the message (signed: true) and puts
  the signature before ExtendMessage, then validates the result.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>

  <xsl:param name="message-guid" as="xs:string?"/>
  <xsl:param name="transfer-cop-code" as="xs:string?"/>
  <xsl:param name="transfer-cop-name" as="xs:string?"/>
  <xsl:param name="transfer-dxp-id" as="xs:string?"/>
  <xsl:param name="transfer-dxp-mode" as="xs:string?"/>

  <xsl:template match="/">
    <xsl:variable name="requests" select="c:Cancellation | c:Batch/c:Cancellation"/>
    <xsl:if test="empty($requests) or exists(c:Batch/*[not(self::c:Cancellation)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB605 message carries canonical Cancellation documents only', *)"/>
    </xsl:if>
    <xsl:if test="count($requests) gt 100">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB605 message carries at most 100 cancellation requests', *)"/>
    </xsl:if>
    <xsl:variable name="first" select="$requests[1]/c:Header/c:Source"/>
    <xsl:variable name="guid" select="($message-guid[.], $first/c:MessageId[string-length() = 36])[1]"/>
    <xsl:if test="empty($guid)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'no 36-character message guid: none kept in the Source and none given', *)"/>
    </xsl:if>
    <ceb:CEB605Message guid="{$guid}" version="{cebc:message-version($first)}">
      <xsl:for-each select="$requests">
        <xsl:apply-templates select=".">
          <xsl:with-param name="record-guid" select="cebc:record-guid(., $guid, position())"/>
        </xsl:apply-templates>
      </xsl:for-each>
      <xsl:call-template name="cebc:transmission">
        <xsl:with-param name="source" select="$first"/>
        <xsl:with-param name="cop-code" select="$transfer-cop-code"/>
        <xsl:with-param name="cop-name" select="$transfer-cop-name"/>
        <xsl:with-param name="dxp-id" select="$transfer-dxp-id"/>
        <xsl:with-param name="dxp-mode" select="$transfer-dxp-mode"/>
      </xsl:call-template>
      <!-- ds:Signature: added by the adapter, before ExtendMessage, when it signs the message -->
    </ceb:CEB605Message>
  </xsl:template>

  <xsl:template match="c:Cancellation">
    <xsl:param name="record-guid" as="xs:string"/>
    <xsl:variable name="refs" select="c:DeclarationReference/c:Reference"/>
    <xsl:sequence select="cebc:export-only(., 'CEB605')"/>
    <xsl:if test="empty($refs[@type = 'INVENTORY_NUMBER'][string()])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB605 request names the export inventory to cancel by customs'' number (DeclarationReference INVENTORY_NUMBER: invtNo)', c:DeclarationReference)"/>
    </xsl:if>
    <ceb:InvtCancel>
      <ceb:guid><xsl:value-of select="$record-guid"/></ceb:guid>
      <ceb:appType><xsl:value-of select="cebc:code-of($cebc:functions, c:Header/c:Function)"/></ceb:appType>
      <ceb:appTime><xsl:value-of select="cebc:issue-time(.)"/></ceb:appTime>
      <ceb:appStatus><xsl:value-of select="if (c:Header/c:FilingStatus) then cebc:code-of($cebc:filing, c:Header/c:FilingStatus) else '2'"/></ceb:appStatus>
      <ceb:customsCode><xsl:value-of select="c:DeclarationOffice"/></ceb:customsCode>
      <ceb:copNo><xsl:value-of select="$refs[@type = 'LOCAL_REFERENCE'][1]"/></ceb:copNo>
      <xsl:for-each select="c:CustomsReference[@type = 'PRE_ENTRY_NUMBER'][string()][1]"><ceb:preNo><xsl:value-of select="."/></ceb:preNo></xsl:for-each>
      <ceb:invtNo><xsl:value-of select="$refs[@type = 'INVENTORY_NUMBER'][string()][1]"/></ceb:invtNo>
      <ceb:reason><xsl:value-of select="c:Reason"/></ceb:reason>
      <ceb:agentCode><xsl:value-of select="cebc:code(cebc:party(., 'DECLARANT'))"/></ceb:agentCode>
      <ceb:agentName><xsl:value-of select="cebc:party(., 'DECLARANT')/c:Name"/></ceb:agentName>
      <ceb:ebcCode><xsl:value-of select="cebc:code(cebc:party(., 'SELLER'))"/></ceb:ebcCode>
      <ceb:ebcName><xsl:value-of select="cebc:party(., 'SELLER')/c:Name"/></ceb:ebcName>
      <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
    </ceb:InvtCancel>
  </xsl:template>
</xsl:stylesheet>
