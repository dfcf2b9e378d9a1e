<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical SummaryDeclaration documents (direction EXPORT), or a c:Batch of them, to one CEB701
  (China summary declaration request, 汇总申请单) message. The envelope (BaseTransfer,
  BaseSubscribe, ExtendMessage) comes from the first document's Source. A document without a Part is
  a request in one message (1 of 1); without a CN-ITEM-NAME-FLAG grouping, itemNameFlag is one space
  (not filled in: by commodity category); a CN-SUMMARY-FLAG grouping is needed. The adapter signs
  the message (signed: true) and puts the signature before ExtendMessage, then validates the result.
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
  <xsl:include href="../ceb-common/ceb-movement.xsl"/>

  <xsl:param name="message-guid" as="xs:string?"/>
  <xsl:param name="transfer-cop-code" as="xs:string?"/>
  <xsl:param name="transfer-cop-name" as="xs:string?"/>
  <xsl:param name="transfer-dxp-id" as="xs:string?"/>
  <xsl:param name="transfer-dxp-mode" as="xs:string?"/>

  <xsl:template match="/">
    <xsl:variable name="requests" select="c:SummaryDeclaration | c:Batch/c:SummaryDeclaration"/>
    <xsl:if test="empty($requests) or exists(c:Batch/*[not(self::c:SummaryDeclaration)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB701 message carries canonical SummaryDeclaration documents only', *)"/>
    </xsl:if>
    <xsl:if test="count($requests) gt 100">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB701 message carries at most 100 summary requests', *)"/>
    </xsl:if>
    <xsl:variable name="first" select="$requests[1]/c:Header/c:Source"/>
    <xsl:variable name="guid" select="($message-guid[.], $first/c:MessageId[string-length() = 36])[1]"/>
    <xsl:if test="empty($guid)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'no 36-character message guid: none kept in the Source and none given', *)"/>
    </xsl:if>
    <ceb:CEB701Message guid="{$guid}" version="{cebc:message-version($first)}">
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
    </ceb:CEB701Message>
  </xsl:template>

  <xsl:template match="c:SummaryDeclaration">
    <xsl:param name="record-guid" as="xs:string"/>
    <xsl:variable name="summary-flag" select="c:Grouping[@scheme = 'CN-SUMMARY-FLAG'][1]"/>
    <xsl:sequence select="cebc:export-only(., 'CEB701')"/>
    <xsl:if test="empty($summary-flag)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB701 request says how to group the inventories by consignor (Grouping of scheme CN-SUMMARY-FLAG: summaryFlag)', (c:Grouping, .)[1])"/>
    </xsl:if>
    <ceb:SummaryApply>
      <ceb:SummaryApplyHead>
        <ceb:guid><xsl:value-of select="$record-guid"/></ceb:guid>
        <ceb:appType><xsl:value-of select="cebc:code-of($cebc:functions, c:Header/c:Function)"/></ceb:appType>
        <ceb:appTime><xsl:value-of select="cebc:issue-time(.)"/></ceb:appTime>
        <ceb:appStatus><xsl:value-of select="if (c:Header/c:FilingStatus) then cebc:code-of($cebc:filing, c:Header/c:FilingStatus) else '2'"/></ceb:appStatus>
        <ceb:customsCode><xsl:value-of select="c:DeclarationOffice"/></ceb:customsCode>
        <ceb:copNo><xsl:value-of select="c:LocalReference"/></ceb:copNo>
        <xsl:for-each select="c:CustomsReference[@type = 'PRE_ENTRY_NUMBER'][string()][1]"><ceb:preNo><xsl:value-of select="."/></ceb:preNo></xsl:for-each>
        <xsl:for-each select="c:CustomsReference[@type = 'SUMMARY_NUMBER'][string()][1]"><ceb:sumNo><xsl:value-of select="."/></ceb:sumNo></xsl:for-each>
        <ceb:agentCode><xsl:value-of select="cebc:code(cebc:party(., 'DECLARANT'))"/></ceb:agentCode>
        <ceb:agentName><xsl:value-of select="cebc:party(., 'DECLARANT')/c:Name"/></ceb:agentName>
        <ceb:ebcCode><xsl:value-of select="cebc:code(cebc:party(., 'SELLER'))"/></ceb:ebcCode>
        <ceb:ebcName><xsl:value-of select="cebc:party(., 'SELLER')/c:Name"/></ceb:ebcName>
        <ceb:declAgentCode><xsl:value-of select="cebc:code(cebc:party(., 'REPRESENTATIVE'))"/></ceb:declAgentCode>
        <ceb:declAgentName><xsl:value-of select="cebc:party(., 'REPRESENTATIVE')/c:Name"/></ceb:declAgentName>
        <xsl:for-each select="c:Period">
          <ceb:startTime><xsl:value-of select="cebc:compact-time(c:Start)"/></ceb:startTime>
          <ceb:endTime><xsl:value-of select="cebc:compact-time(c:End)"/></ceb:endTime>
        </xsl:for-each>
        <xsl:for-each select="c:GoodsLocation"><ceb:loctNo><xsl:value-of select="."/></ceb:loctNo></xsl:for-each>
        <ceb:summaryFlag><xsl:value-of select="$summary-flag"/></ceb:summaryFlag>
        <ceb:itemNameFlag><xsl:value-of select="(c:Grouping[@scheme = 'CN-ITEM-NAME-FLAG'][1], ' ')[1]"/></ceb:itemNameFlag>
        <xsl:call-template name="cebc:msg-count"><xsl:with-param name="document" select="."/></xsl:call-template>
        <xsl:call-template name="cebc:msg-seq-no"><xsl:with-param name="document" select="."/></xsl:call-template>
        <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
      </ceb:SummaryApplyHead>
      <xsl:for-each select="c:DeclarationReference">
        <ceb:SummaryApplyList>
          <ceb:invtNo><xsl:value-of select="c:Reference[@type = 'INVENTORY_NUMBER'][1]"/></ceb:invtNo>
        </ceb:SummaryApplyList>
      </xsl:for-each>
    </ceb:SummaryApply>
  </xsl:template>
</xsl:stylesheet>
