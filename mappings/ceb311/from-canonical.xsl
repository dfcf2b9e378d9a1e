<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical Order documents to one CEB311 (China import e-order) message.
  The input is a c:Order or a c:Batch of them; every order becomes a ceb:Order, the envelope
  (BaseTransfer, BaseSubscribe, ExtendMessage) comes from the first order's Source.
  The output is validated against xsd/ceb/ceb311.xsd before it is sent.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:cl="urn:wco-ecom-adapter:codelists"
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

  <xsl:template match="/">
    <xsl:variable name="orders" select="c:Order | c:Batch/c:Order"/>
    <xsl:if test="empty($orders) or exists(c:Batch/*[not(self::c:Order)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB311 message carries canonical Order documents only', *)"/>
    </xsl:if>
    <xsl:variable name="first" select="$orders[1]/c:Header/c:Source"/>
    <xsl:variable name="guid" select="($message-guid[.], $first/c:MessageId[string-length() = 36])[1]"/>
    <xsl:if test="empty($guid)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'no 36-character message guid: none kept in the Source and none given', *)"/>
    </xsl:if>
    <ceb:CEB311Message guid="{$guid}" version="{cebc:message-version($first)}">
      <xsl:for-each select="$orders">
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
    </ceb:CEB311Message>
  </xsl:template>

  <xsl:template match="c:Order">
    <xsl:param name="record-guid" as="xs:string"/>
    <xsl:variable name="platform" select="cebc:party(., 'PLATFORM')"/>
    <xsl:variable name="seller" select="cebc:party(., 'SELLER')"/>
    <xsl:variable name="buyer" select="cebc:party(., 'BUYER')"/>
    <xsl:variable name="consignee" select="cebc:party(., 'CONSIGNEE')"/>
    <xsl:variable name="psp" select="cebc:party(., 'PAYMENT_SERVICE_PROVIDER')"/>
    <xsl:variable name="buyer-id" select="$buyer/c:Identifier[@scheme = ('CN-RESIDENT-ID', 'OTHER-ID')][1]"/>
    <ceb:Order>
      <ceb:OrderHead>
        <ceb:guid><xsl:value-of select="$record-guid"/></ceb:guid>
        <ceb:appType><xsl:value-of select="cebc:code-of($cebc:functions, c:Header/c:Function)"/></ceb:appType>
        <ceb:appTime><xsl:value-of select="cebc:issue-time(.)"/></ceb:appTime>
        <ceb:appStatus><xsl:value-of select="if (c:Header/c:FilingStatus) then cebc:code-of($cebc:filing, c:Header/c:FilingStatus) else '2'"/></ceb:appStatus>
        <ceb:orderType>I</ceb:orderType>
        <ceb:orderNo><xsl:value-of select="c:OrderNumber"/></ceb:orderNo>
        <ceb:ebpCode><xsl:value-of select="$platform/c:Identifier[@scheme = 'CN-CUSTOMS'][1]"/></ceb:ebpCode>
        <ceb:ebpName><xsl:value-of select="$platform/c:Name"/></ceb:ebpName>
        <ceb:ebcCode><xsl:value-of select="$seller/c:Identifier[@scheme = 'CN-CUSTOMS'][1]"/></ceb:ebcCode>
        <ceb:ebcName><xsl:value-of select="$seller/c:Name"/></ceb:ebcName>
        <ceb:goodsValue><xsl:value-of select="c:GoodsValue"/></ceb:goodsValue>
        <ceb:freight><xsl:value-of select="(c:Freight, 0)[1]"/></ceb:freight>
        <ceb:discount><xsl:value-of select="(c:Discount, 0)[1]"/></ceb:discount>
        <ceb:taxTotal><xsl:value-of select="(c:TaxCollected, 0)[1]"/></ceb:taxTotal>
        <ceb:acturalPaid><xsl:value-of select="(c:AmountPaid, c:GoodsValue)[1]"/></ceb:acturalPaid>
        <ceb:currency><xsl:value-of select="cl:customs-currency(c:GoodsValue/@currency, c:GoodsValue)"/></ceb:currency>
        <ceb:buyerRegNo><xsl:value-of select="$buyer/c:Identifier[@scheme = 'PLATFORM-ACCOUNT'][1]"/></ceb:buyerRegNo>
        <ceb:buyerName><xsl:value-of select="$buyer/c:Name"/></ceb:buyerName>
        <ceb:buyerTelephone><xsl:value-of select="$buyer/c:Communication[@type = 'TE'][1]"/></ceb:buyerTelephone>
        <ceb:buyerIdType><xsl:value-of select="if ($buyer-id) then cebc:code-of($cebc:id-schemes, $buyer-id/@scheme) else ''"/></ceb:buyerIdType>
        <ceb:buyerIdNumber><xsl:value-of select="$buyer-id"/></ceb:buyerIdNumber>
        <xsl:for-each select="$psp/c:Identifier[@scheme = 'CN-CUSTOMS'][1]"><ceb:payCode><xsl:value-of select="."/></ceb:payCode></xsl:for-each>
        <xsl:for-each select="$psp/c:Name"><ceb:payName><xsl:value-of select="."/></ceb:payName></xsl:for-each>
        <xsl:for-each select="c:PaymentTransactionId"><ceb:payTransactionId><xsl:value-of select="."/></ceb:payTransactionId></xsl:for-each>
        <xsl:for-each select="c:BatchNumbers"><ceb:batchNumbers><xsl:value-of select="."/></ceb:batchNumbers></xsl:for-each>
        <ceb:consignee><xsl:value-of select="$consignee/c:Name"/></ceb:consignee>
        <ceb:consigneeTelephone><xsl:value-of select="$consignee/c:Communication[@type = 'TE'][1]"/></ceb:consigneeTelephone>
        <ceb:consigneeAddress><xsl:value-of select="string-join($consignee/c:Address/c:Line, ' ')"/></ceb:consigneeAddress>
        <xsl:for-each select="$consignee/c:Address/c:SubdivisionCode"><ceb:consigneeDistrict><xsl:value-of select="."/></ceb:consigneeDistrict></xsl:for-each>
        <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
      </ceb:OrderHead>
      <xsl:apply-templates select="c:Line"/>
    </ceb:Order>
  </xsl:template>

  <xsl:template match="c:Line">
    <ceb:OrderList>
      <ceb:gnum><xsl:value-of select="c:LineNumber"/></ceb:gnum>
      <xsl:for-each select="c:Sku"><ceb:itemNo><xsl:value-of select="."/></ceb:itemNo></xsl:for-each>
      <ceb:itemName><xsl:value-of select="c:Title"/></ceb:itemName>
      <ceb:gmodel><xsl:value-of select="(c:Model, c:Title)[1]"/></ceb:gmodel>
      <xsl:for-each select="c:Description"><ceb:itemDescribe><xsl:value-of select="."/></ceb:itemDescribe></xsl:for-each>
      <xsl:for-each select="c:Barcode"><ceb:barCode><xsl:value-of select="."/></ceb:barCode></xsl:for-each>
      <ceb:unit><xsl:value-of select="cl:customs-unit(c:Quantity/@unitCode, c:Quantity/@sourceUnitCode, c:Quantity)"/></ceb:unit>
      <ceb:qty><xsl:value-of select="c:Quantity"/></ceb:qty>
      <ceb:price><xsl:value-of select="(c:UnitPrice, 0)[1]"/></ceb:price>
      <ceb:totalPrice><xsl:value-of select="c:LineAmount"/></ceb:totalPrice>
      <ceb:currency><xsl:value-of select="cl:customs-currency(c:LineAmount/@currency, c:LineAmount)"/></ceb:currency>
      <ceb:country><xsl:value-of select="if (c:OriginCountry) then cl:customs-country(c:OriginCountry, c:OriginCountry)
          else error(xs:QName('err:VALUE_INVALID'), 'a CEB311 order line needs a country of origin', .)"/></ceb:country>
      <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
    </ceb:OrderList>
  </xsl:template>
</xsl:stylesheet>
