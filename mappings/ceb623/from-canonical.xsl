<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical Cancellation documents to one CEB623 (China import inventory cancellation request,
  撤销申请单) message. The input is a c:Cancellation or a c:Batch of them; every cancellation becomes
  a ceb:InvtCancel, the envelope (BaseTransfer, BaseSubscribe, ExtendMessage) comes from the first
  one's Source. The customs schema requires a ds:Signature after the envelope, which the adapter adds
  when it signs the message (the format is signed: true), then validates the result.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:cx="urn:wco-ecom-adapter:ceb623"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>

  <!-- a new message id; the original message's id when not given -->
  <xsl:param name="message-guid" as="xs:string?"/>
  <!-- egress settings that replace the original sender in BaseTransfer when set -->
  <xsl:param name="transfer-cop-code" as="xs:string?"/>
  <xsl:param name="transfer-cop-name" as="xs:string?"/>
  <xsl:param name="transfer-dxp-id" as="xs:string?"/>
  <xsl:param name="transfer-dxp-mode" as="xs:string?"/>

  <!-- A key of the inventory to cancel, which the request must name -->
  <xsl:function name="cx:key" as="xs:string">
    <xsl:param name="cancellation" as="element(c:Cancellation)"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:variable name="ref" select="$cancellation/c:DeclarationReference/c:Reference[@type = $type][string()][1]"/>
    <xsl:sequence select="if ($ref) then string($ref)
        else error(xs:QName('err:VALUE_INVALID'), 'a CEB623 cancellation names the inventory by its ' || $type || ' (DeclarationReference/Reference)', $cancellation/c:DeclarationReference)"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="cancellations" select="c:Cancellation | c:Batch/c:Cancellation"/>
    <xsl:if test="empty($cancellations) or exists(c:Batch/*[not(self::c:Cancellation)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB623 message carries canonical Cancellation documents only', *)"/>
    </xsl:if>
    <xsl:variable name="first" select="$cancellations[1]/c:Header/c:Source"/>
    <xsl:variable name="guid" select="($message-guid[.], $first/c:MessageId[string-length() = 36])[1]"/>
    <xsl:if test="empty($guid)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'no 36-character message guid: none kept in the Source and none given', *)"/>
    </xsl:if>
    <ceb:CEB623Message guid="{$guid}" version="{($first/c:MessageVersion[string()], '1.0')[1]}">
      <xsl:for-each select="$cancellations">
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
      <!-- ds:Signature: added by the adapter when it signs the message -->
    </ceb:CEB623Message>
  </xsl:template>

  <xsl:template match="c:Cancellation">
    <xsl:param name="record-guid" as="xs:string"/>
    <xsl:variable name="platform" select="cebc:party(., 'PLATFORM')"/>
    <xsl:variable name="seller" select="cebc:party(., 'SELLER')"/>
    <xsl:variable name="logistics" select="cebc:party(., 'LOGISTICS_OPERATOR')"/>
    <xsl:variable name="buyer" select="cebc:party(., 'BUYER')"/>
    <xsl:variable name="declarant" select="cebc:party(., 'DECLARANT')"/>
    <xsl:variable name="buyer-id" select="$buyer/c:Identifier[@scheme = ('CN-RESIDENT-ID', 'OTHER-ID')][1]"/>
    <xsl:if test="c:TradeDirection != 'IMPORT'">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB623 cancels an import inventory, not ' || c:TradeDirection, c:TradeDirection)"/>
    </xsl:if>
    <ceb:InvtCancel>
      <ceb:guid><xsl:value-of select="$record-guid"/></ceb:guid>
      <ceb:appType><xsl:value-of select="cebc:code-of($cebc:functions, c:Header/c:Function)"/></ceb:appType>
      <ceb:appTime><xsl:value-of select="cebc:issue-time(.)"/></ceb:appTime>
      <ceb:appStatus><xsl:value-of select="if (c:Header/c:FilingStatus) then cebc:code-of($cebc:filing, c:Header/c:FilingStatus) else '2'"/></ceb:appStatus>
      <ceb:customsCode><xsl:value-of select="c:DeclarationOffice"/></ceb:customsCode>
      <ceb:orderNo><xsl:value-of select="cx:key(., 'ORDER_NUMBER')"/></ceb:orderNo>
      <ceb:ebpCode><xsl:value-of select="$platform/c:Identifier[@scheme = 'CN-CUSTOMS'][1]"/></ceb:ebpCode>
      <ceb:ebpName><xsl:value-of select="$platform/c:Name"/></ceb:ebpName>
      <ceb:ebcCode><xsl:value-of select="$seller/c:Identifier[@scheme = 'CN-CUSTOMS'][1]"/></ceb:ebcCode>
      <ceb:ebcName><xsl:value-of select="$seller/c:Name"/></ceb:ebcName>
      <ceb:logisticsNo><xsl:value-of select="cx:key(., 'WAYBILL_NUMBER')"/></ceb:logisticsNo>
      <ceb:logisticsCode><xsl:value-of select="$logistics/c:Identifier[@scheme = 'CN-CUSTOMS'][1]"/></ceb:logisticsCode>
      <ceb:logisticsName><xsl:value-of select="$logistics/c:Name"/></ceb:logisticsName>
      <xsl:for-each select="c:LocalReference[string()]"><ceb:copNo><xsl:value-of select="."/></ceb:copNo></xsl:for-each>
      <xsl:for-each select="c:CustomsReference[@type = 'PRE_ENTRY_NUMBER'][string()][1]"><ceb:preNo><xsl:value-of select="."/></ceb:preNo></xsl:for-each>
      <ceb:invtNo><xsl:value-of select="cx:key(., 'INVENTORY_NUMBER')"/></ceb:invtNo>
      <ceb:buyerIdType><xsl:value-of select="if ($buyer-id) then cebc:code-of($cebc:id-schemes, $buyer-id/@scheme) else ''"/></ceb:buyerIdType>
      <ceb:buyerIdNumber><xsl:value-of select="$buyer-id"/></ceb:buyerIdNumber>
      <ceb:buyerName><xsl:value-of select="$buyer/c:Name"/></ceb:buyerName>
      <ceb:buyerTelephone><xsl:value-of select="$buyer/c:Communication[@type = 'TE'][1]"/></ceb:buyerTelephone>
      <ceb:agentCode><xsl:value-of select="$declarant/c:Identifier[@scheme = 'CN-CUSTOMS'][1]"/></ceb:agentCode>
      <ceb:agentName><xsl:value-of select="$declarant/c:Name"/></ceb:agentName>
      <ceb:reason><xsl:value-of select="c:Reason"/></ceb:reason>
      <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
    </ceb:InvtCancel>
  </xsl:template>
</xsl:stylesheet>
